import { containerCheck } from '../../check';
import { Layer, Phase, Principle, Severity } from '../../model';
import { imageOf, parseImage } from './support/containers';
import { shown } from './support/fields';

export const imagePullPolicyNotAlways = containerCheck(
  {
    id: 'image-pull-policy-not-always',
    title: 'Image pull policy is not Always',
    rationale:
      'With IfNotPresent or Never the kubelet runs whatever a node already holds under the tag. Once the tag ' +
      'moves, for a security fix or a malicious push, nodes run different code for one workload and the fix ' +
      'never reaches nodes that cached the old image. The policy must be explicit: its default is Always only ' +
      'for an untagged or `latest` image and silently becomes IfNotPresent once a tag is pinned. Images pinned ' +
      'by digest pass: their content cannot change, so a cached copy is the right one.',
    severity: Severity.Low,
    layer: Layer.Application,
    phase: Phase.Distribute,
    principles: [Principle.ZeroTrust],
    references: {
      polaris: ['pullPolicyNotAlways'],
      kubescape: ['C-0075'],
    },
    remediation: {
      text: 'Set `imagePullPolicy: Always`, or pin the image by digest so that the cached copy cannot differ.',
      patch: ['spec:', '  containers:', '    - name: app', '      imagePullPolicy: Always'].join('\n'),
    },
  },
  { containers: 'all' },
  (view) => {
    const image = imageOf(view.container);
    // Without an image there is nothing to pull: image-tag-not-specific reports the container.
    if (image === undefined) {
      return undefined;
    }
    const reference = parseImage(image);
    // A digest cannot go stale: the cached copy is the same image.
    if (reference.digest) {
      return undefined;
    }
    const path = `${view.path}.imagePullPolicy`;
    const policy: unknown = view.container.imagePullPolicy;
    if (policy === undefined || policy === null) {
      // The API server defaults to Always for an untagged or `latest` image only: pinning a tag flips it.
      const consequence =
        reference.tag === undefined || reference.tag === 'latest'
          ? `its default for ${image} becomes IfNotPresent once a tag is pinned`
          : `${image} defaults to IfNotPresent`;
      return { message: `Container ${view.name} sets no imagePullPolicy, so ${consequence}`, path };
    }
    if (policy === 'Always') {
      return undefined;
    }
    return {
      message: `Container ${view.name} pulls its image with policy ${shown(policy)}`,
      path,
      value: policy,
    };
  },
);
