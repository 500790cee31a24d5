import { containerCheck } from '../../check';
import { Layer, Phase, Principle, Severity } from '../../model';
import { imageOf, parseImage } from './support/containers';

export const imageNotPinnedByDigest = containerCheck(
  {
    id: 'image-not-pinned-by-digest',
    title: 'Image is not pinned by digest',
    rationale:
      'Tags are pointers that whoever controls the repository can move, so the image that was reviewed and ' +
      'scanned is not necessarily the one a node pulls later. A digest names the exact content, and the ' +
      'runtime refuses an image that does not match it.',
    severity: Severity.Low,
    layer: Layer.Application,
    phase: Phase.Distribute,
    principles: [Principle.ZeroTrust],
    references: {
      mitre: ['T1525'],
    },
    remediation: {
      text:
        'Reference the image by digest (`@sha256:...`); keep the tag beside it for readers. Let the build or ' +
        'release pipeline write the digest it produced.',
      patch: [
        'spec:',
        '  containers:',
        '    - name: app',
        '      image: registry.example.com/shop/web:1.4.2@sha256:4b1e5e2d9a2c0b3f6a1e7d8c9b0a1f2e3d4c5b6a7f8e9d0c1b2a3f4e5d6c7b8a',
      ].join('\n'),
    },
  },
  { containers: 'all' },
  (view) => {
    const image = imageOf(view.container);
    // A container without an image is reported by image-tag-not-specific; there is nothing to pin here.
    if (image === undefined || parseImage(image).digest) {
      return undefined;
    }
    return {
      message: `Container ${view.name} uses image ${image} by tag, not by digest`,
      path: `${view.path}.image`,
      value: image,
    };
  },
);
