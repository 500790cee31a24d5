import { KubeConfig } from '@kubernetes/client-node';
import { collectCluster, type Collection } from '../collectors/kubernetes/collector';
import { KubeConnectionError, KubeHttpError } from '../collectors/kubernetes/kube-http';
import { resourcesFor } from '../collectors/kubernetes/resources';
import type { Check } from '../engine/check';
import { UsageError } from './usage-error';

/**
 * The user's own kubeconfig, trusted as kubectl trusts it: unlike a kubeconfig sent to the service, it may run
 * an exec plugin or name files, since it is the user's machine and the user's choice.
 */
function loadKubeconfig(path: string, context: string | undefined): KubeConfig {
  const kubeConfig = new KubeConfig();
  try {
    kubeConfig.loadFromFile(path);
  } catch (error) {
    throw new UsageError(`cannot read the kubeconfig ${path}: ${(error as Error).message}`);
  }
  if (context !== undefined) {
    if (!kubeConfig.getContextObject(context)) {
      throw new UsageError(`the kubeconfig has no context named ${context}`);
    }
    kubeConfig.setCurrentContext(context);
  }
  if (!kubeConfig.getCurrentCluster()) {
    throw new UsageError('the kubeconfig names no current context: give --context NAME');
  }
  return kubeConfig;
}

/** Lists what the selected checks read from the kubeconfig's cluster, and names the context used. */
export async function collectLive(
  path: string,
  context: string | undefined,
  checks: readonly Check[],
): Promise<Collection & { context: string }> {
  const kubeConfig = loadKubeconfig(path, context);
  try {
    const collection = await collectCluster(kubeConfig, { resources: resourcesFor(checks) });
    return { ...collection, context: kubeConfig.getCurrentContext() };
  } catch (error) {
    if (error instanceof KubeHttpError || error instanceof KubeConnectionError) {
      throw new UsageError(`cannot collect from ${kubeConfig.getCurrentCluster()!.server}: ${error.message}`);
    }
    throw error;
  }
}
