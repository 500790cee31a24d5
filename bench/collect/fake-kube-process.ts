import { generateScenario, startFakeKube } from '../../test/support/fake-kube';
import { cpuMs } from './child-process';

/**
 * The fake API server of the collection bench, in a process of its own so that neither its objects nor its
 * CPU count against the collecting process. Started with the pod count as argument; answers the parent's
 * questions over IPC.
 */

export interface FakeKubeReady {
  type: 'ready';
  kubeconfig: string;
  url: string;
  caPem: string;
  token: string;
  objects: number;
}

export type FakeKubeQuestion = { type: 'listPaths' } | { type: 'cpu' } | { type: 'stop' };
export type FakeKubeAnswer = { type: 'listPaths'; paths: string[] } | { type: 'cpu'; cpuMs: number };

async function serve(pods: number): Promise<void> {
  // As a cluster managed with `kubectl apply` stores them: managedFields and last-applied copies included.
  const objects = generateScenario({ pods, serverSideFields: true });
  const fake = await startFakeKube({ objects });
  const ready: FakeKubeReady = {
    type: 'ready',
    kubeconfig: fake.kubeconfig('token'),
    url: fake.url,
    caPem: fake.caPem,
    token: fake.token,
    objects: objects.length,
  };
  process.send?.(ready);
  process.on('message', (question: FakeKubeQuestion) => {
    switch (question.type) {
      case 'listPaths': {
        // Every collection path listed so far, in the order first asked for.
        const paths = fake.requests
          .filter((request) => 'limit' in request.query)
          .map((request) => request.path);
        process.send?.({ type: 'listPaths', paths: [...new Set(paths)] } satisfies FakeKubeAnswer);
        return;
      }
      case 'cpu':
        process.send?.({ type: 'cpu', cpuMs: cpuMs() } satisfies FakeKubeAnswer);
        return;
      case 'stop':
        void fake.stop().then(() => process.disconnect());
        return;
    }
  });
}

if (require.main === module) {
  void serve(Number(process.argv[2]));
}
