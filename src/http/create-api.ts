import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from '../app.module';
import { ensureDatabase } from '../common/database/ensure-database';
import { requestIdMiddleware } from '../common/http/request-id';
import type { AppConfig } from '../config/config';
import { httpMetricsMiddleware } from '../modules/metrics/http-metrics.middleware';
import { MetricsService } from '../modules/metrics/metrics.service';
import { mountApiDocument } from './api-document';

/** Builds the API application (used by main.ts, `npm start` and the tests). */
export async function createApi(config: AppConfig): Promise<INestApplication> {
  await ensureDatabase(config.databaseUrl);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.api(config), {
    bodyParser: false,
    // Kept beside the parsed body: Jira's webhook signature is over the exact bytes.
    rawBody: true,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.use(requestIdMiddleware);
  app.use(httpMetricsMiddleware(app.get(MetricsService)));
  app.useBodyParser('json', { limit: config.jsonMaxBytes });
  // Snapshot uploads: YAML and large JSON are read raw and parsed by the bounded manifest loader.
  app.useBodyParser('raw', {
    type: ['application/yaml', 'application/x-yaml', 'text/yaml', 'application/vnd.kubeassay.snapshot+json'],
    limit: config.snapshotMaxBytes,
  });
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.enableShutdownHooks();
  mountApiDocument(app);
  return app;
}
