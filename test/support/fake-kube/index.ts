import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { issueCertificates } from './certificates';
import { FaultInjector } from './faults';
import { kubeconfigYaml } from './kubeconfig';
import { ObjectStore } from './object-store';
import { requestHandler } from './request-handler';
import { ResourceCatalog } from './resource-catalog';
import type { FakeKube, FakeKubeOptions, RecordedRequest } from './types';

export { NO_FAULTS } from './faults';
export { generateScenario, loadScenarioFixture, type GeneratedScenarioOptions } from './scenarios';
export type * from './types';

const DEFAULT_GIT_VERSION = 'v1.30.2';

/**
 * A Kubernetes API server for tests, over HTTPS on 127.0.0.1 with a CA made at start: bearer-token and
 * client-certificate authentication, `/version`, discovery, paged lists and gets of the scenario's
 * objects, SelfSubjectAccessReviews, and injectable faults. Every request is recorded.
 */
export async function startFakeKube(options: FakeKubeOptions = {}): Promise<FakeKube> {
  const objects = options.objects ?? [];
  const catalog = ResourceCatalog.forObjects(objects, options.plurals);
  const store = new ObjectStore(catalog, objects);
  const certificates = await issueCertificates();
  const token = randomBytes(32).toString('base64url');
  const faults = new FaultInjector(options.faults);
  const requests: RecordedRequest[] = [];
  const server = createServer({
    key: certificates.server.keyPem,
    cert: certificates.server.certPem,
    ca: [certificates.caPem],
    // Ask for a client certificate but let token clients in: authentication decides, per request.
    requestCert: true,
    rejectUnauthorized: false,
  });
  const port = await listen(server);
  const url = `https://127.0.0.1:${port}`;
  server.on(
    'request',
    requestHandler({
      routes: {
        catalog,
        gitVersion: options.gitVersion ?? DEFAULT_GIT_VERSION,
        serverAddress: `127.0.0.1:${port}`,
      },
      store,
      faults,
      credentials: { token, caCommonName: certificates.caCommonName },
      requests,
    }),
  );
  const source = { url, caPem: certificates.caPem, token, clientCertificate: certificates.client };
  return {
    ...source,
    requests,
    kubeconfig: (auth, kubeconfigOptions) => kubeconfigYaml(source, auth, kubeconfigOptions),
    setFaults: (changes) => faults.set(changes),
    stop: () => close(server),
  };
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
