import { containerCheck } from '../../check';
import { Layer, Phase, Principle, Severity } from '../../model';
import { imageOf, parseImage } from './support/containers';

export const imageRegistryImplicit = containerCheck(
  {
    id: 'image-registry-implicit',
    title: 'Image names no registry',
    rationale:
      'An image named without a registry host is resolved by the node: containerd and Docker go to Docker Hub, ' +
      'some CRI-O and Podman setups try a list of registries in turn. Where the code comes from is then decided ' +
      'outside the manifest, and short public names are easy to typosquat or to shadow in another registry.',
    severity: Severity.Low,
    layer: Layer.Application,
    phase: Phase.Distribute,
    principles: [Principle.ZeroTrust],
    references: {
      nsa: ['pod-security/secure-images'],
      mitre: ['T1204.003'],
    },
    remediation: {
      text:
        'Write the registry host into every image reference, preferably a registry or mirror the organization ' +
        'controls (`docker.io/library/nginx` when Docker Hub is really meant).',
      patch: [
        'spec:',
        '  containers:',
        '    - name: app',
        '      image: registry.example.com/mirror/nginx:1.27.2',
      ].join('\n'),
    },
  },
  { containers: 'all' },
  (view) => {
    const image = imageOf(view.container);
    // A container without an image is reported by image-tag-not-specific; no registry is used for it.
    if (image === undefined || parseImage(image).registry !== undefined) {
      return undefined;
    }
    return {
      message: `Container ${view.name} uses image ${image} without a registry host, so the node picks the registry`,
      path: `${view.path}.image`,
      value: image,
    };
  },
);
