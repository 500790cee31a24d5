import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import pinoHttp from 'pino-http';
import { requestIdMiddleware } from '../http/request-id';
import { httpLoggerOptions } from './http-logger-options';

interface LogLine {
  level: number;
  msg: string;
  requestId?: string;
  req?: { headers: Record<string, string>; url?: string };
  cluster?: Record<string, string>;
}

/** An Express app logging like the API (request ids first, then pino-http), into memory. */
async function loggedServer(lines: LogLine[]) {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(
        ...chunk
          .toString()
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as LogLine),
      );
      done();
    },
  });
  const app = express();
  app.use(requestIdMiddleware);
  app.use(pinoHttp(httpLoggerOptions({ logLevel: 'info' }), sink));
  app.get('/work', (request, response) => {
    request.log.info(
      { cluster: { name: 'prod', kubeconfig: 'SECRET-KUBECONFIG', token: 'SECRET-TOKEN' } },
      'step',
    );
    response.status(418).json({ ok: true });
  });
  app.get('/v1/shared-reports/:token', (_request, response) => {
    response.status(410).json({});
  });
  app.get('/health/ready', (_request, response) => {
    response.json({ status: 'ok' });
  });
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('HTTP request logs', () => {
  const lines: LogLine[] = [];
  let url: string;
  let close: () => void;
  beforeAll(async () => {
    const started = await loggedServer(lines);
    url = started.url;
    close = () => started.server.close();
  });
  afterAll(() => close());

  it('carry the X-Request-Id of the response on every line of the request and hide credentials', async () => {
    const response = await fetch(`${url}/work`, {
      headers: { authorization: 'Bearer ka_secretsecret', cookie: 'session=SECRET-COOKIE' },
    });
    const requestId = response.headers.get('x-request-id');
    const ours = lines.filter((line) => line.requestId === requestId);
    expect(ours.map((line) => line.msg)).toEqual(['step', 'request completed']);
    const completed = ours[1]!;
    expect(completed.level).toBe(40);
    expect(completed.req?.headers['authorization']).toBe('[Redacted]');
    expect(completed.req?.headers['cookie']).toBe('[Redacted]');
    expect(ours[0]!.cluster).toEqual({ name: 'prod', kubeconfig: '[Redacted]', token: '[Redacted]' });
    expect(JSON.stringify(lines)).not.toMatch(/secretsecret|SECRET-/);
  });

  it('keep a share link’s route but not its token, however the path is spelled', async () => {
    for (const [path, logged] of [
      ['/v1/shared-reports/SECRET-SHARE-TOKEN?x=1', '/v1/shared-reports/[Redacted]?x=1'],
      ['/V1/Shared-Reports/SECRET-SHARE-TOKEN', '/V1/Shared-Reports/[Redacted]'],
    ]) {
      const response = await fetch(`${url}${path}`);
      const requestId = response.headers.get('x-request-id');
      const completed = lines.find(
        (line) => line.requestId === requestId && line.msg === 'request completed',
      );
      expect(completed?.req?.url).toBe(logged);
    }
    expect(JSON.stringify(lines)).not.toContain('SECRET-SHARE-TOKEN');
  });

  it('leave out probes and scrapes', async () => {
    const before = lines.length;
    expect((await fetch(`${url}/health/ready`)).status).toBe(200);
    expect(lines.length).toBe(before);
  });
});
