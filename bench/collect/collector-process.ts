import { performance } from 'node:perf_hooks';
import { collectCluster } from '../../src/collectors/kubernetes/collector';
import { readKubeconfig } from '../../src/modules/clusters/kubeconfig/read-kubeconfig';
import { toKubeConfig } from '../../src/modules/clusters/kubeconfig/to-kube-config';
import { encodeSnapshot } from '../../src/modules/clusters/snapshot-codec';
import { memoryMiB } from './child-process';
import { answerOnce, measure, type Measurement } from './measurement';

export interface CollectorInput {
  kubeconfig: string;
}

export interface CollectorResult extends Measurement {
  objects: number;
  coverageGaps: number;
  /** What the snapshot row stores: the gzip of the objects' JSON. */
  storedBytes: number;
  jsonBytes: number;
  encodeMs: number;
  /** The high-water mark once the snapshot was encoded too, as the worker does before storing it. */
  peakRssWithEncodingMiB: number;
}

/** The worker's path: the kubeconfig read as registration reads it, connections held to a loopback-allowing policy. */
async function collect(input: CollectorInput): Promise<CollectorResult> {
  const credentials = readKubeconfig(input.kubeconfig, undefined, { allowInsecureTls: false });
  const kubeConfig = toKubeConfig(credentials, { allowLoopback: true, allowPrivate: false });
  const { value: collection, measurement } = await measure(() => collectCluster(kubeConfig));
  const encodeStarted = performance.now();
  const encoded = await encodeSnapshot(collection.objects);
  return {
    ...measurement,
    objects: collection.objects.length,
    coverageGaps: collection.coverageGaps.length,
    storedBytes: encoded.content.length,
    jsonBytes: encoded.jsonBytes,
    encodeMs: performance.now() - encodeStarted,
    peakRssWithEncodingMiB: memoryMiB().maxRss,
  };
}

if (require.main === module) {
  answerOnce(collect);
}
