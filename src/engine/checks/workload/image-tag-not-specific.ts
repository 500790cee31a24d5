import { containerCheck } from '../../check';
import { Layer, Phase, Principle, Severity } from '../../model';
import { imageOf, parseImage } from './support/containers';

export const imageTagNotSpecific = containerCheck(
  {
    id: 'image-tag-not-specific',
    title: 'Image has no tag or uses latest',
    rationale:
      'A reference without a tag, or with `latest`, names whatever was pushed last. Two nodes can run ' +
      'different code under one spec, a rollback has no earlier version to go back to, and anyone able to push ' +
      'to the repository changes what the cluster runs at its next pull.',
    severity: Severity.Medium,
    layer: Layer.Application,
    phase: Phase.Distribute,
    principles: [Principle.ZeroTrust],
    references: {
      mitre: ['T1525'],
      polaris: ['tagNotSpecified'],
    },
    remediation: {
      text: 'Reference a specific release tag, or better an immutable digest, instead of `latest` or no tag.',
      patch: [
        'spec:',
        '  containers:',
        '    - name: app',
        '      image: registry.example.com/shop/web:1.4.2',
      ].join('\n'),
    },
  },
  { containers: 'all' },
  (view) => {
    const path = `${view.path}.image`;
    const image = imageOf(view.container);
    if (image === undefined) {
      return { message: `Container ${view.name} names no image`, path, value: view.container.image };
    }
    const reference = parseImage(image);
    if (reference.digest) {
      return undefined;
    }
    if (reference.tag === undefined) {
      return {
        message: `Container ${view.name} uses image ${image} without a tag, so it runs latest`,
        path,
        value: image,
      };
    }
    if (reference.tag === 'latest') {
      return {
        message: `Container ${view.name} uses the latest tag of ${reference.repository}`,
        path,
        value: image,
      };
    }
    return undefined;
  },
);
