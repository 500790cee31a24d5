import { parseManifests } from './parse-manifests';
import { DEFAULT_PARSE_LIMITS } from './limits';

describe('parseManifests', () => {
  it('keeps Helm `# Source:` template names and document lines', () => {
    const rendered = [
      '---',
      '# Source: shop/templates/service.yaml',
      'apiVersion: v1',
      'kind: Service',
      'metadata: {name: web}',
      '---',
      '# Source: shop/templates/deployment.yaml',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: web}',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: app',
      '          image: nginx',
    ].join('\n');
    const { objects, errors } = parseManifests(rendered, 'rendered.yaml');
    expect(errors).toEqual([]);
    expect(objects.map(({ object, source }) => [object.kind, source?.line, source?.template])).toEqual([
      ['Service', 3, 'shop/templates/service.yaml'],
      ['Deployment', 8, 'shop/templates/deployment.yaml'],
    ]);
    expect(objects[1]!.source!.lineOf!('spec.template.spec.containers[0].image')).toBe(16);
    expect(objects[1]!.source!.lineOf!('spec.template.spec.containers[0].securityContext.privileged')).toBe(
      15,
    );
  });

  it('expands kubectl List dumps and typed lists whose items carry no kind', () => {
    const dump = JSON.stringify({
      apiVersion: 'v1',
      kind: 'PodList',
      items: [{ metadata: { name: 'a', namespace: 'x' } }, { metadata: { name: 'b', namespace: 'x' } }],
    });
    const { objects } = parseManifests(dump, 'pods.json');
    expect(objects.map(({ object }) => [object.apiVersion, object.kind, object.metadata.name])).toEqual([
      ['v1', 'Pod', 'a'],
      ['v1', 'Pod', 'b'],
    ]);
  });

  it('gives List items in YAML their own line', () => {
    const list =
      'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: a}\n  - apiVersion: v1\n    kind: Secret\n    metadata: {name: b}\n';
    expect(parseManifests(list, 'l.yaml').objects.map(({ source }) => source?.line)).toEqual([4, 7]);
  });

  it('accepts an array of objects', () => {
    const { objects } = parseManifests('[{"kind": "Namespace", "metadata": {"name": "a"}}]', '<stdin>');
    expect(objects.map(({ object }) => object.metadata.name)).toEqual(['a']);
  });

  it('skips empty documents and reports documents that are not objects with their line', () => {
    const { objects, errors } = parseManifests(
      '---\n---\nkind: Namespace\nmetadata: {name: a}\n---\n42\n---\nmetadata: {}\n',
      'x.yaml',
    );
    expect(objects).toHaveLength(1);
    expect(errors.map((error) => [error.code, error.line, error.message])).toEqual([
      ['NOT_A_KUBERNETES_OBJECT', 6, 'document is a number, not an object'],
      ['NOT_A_KUBERNETES_OBJECT', 8, 'document has no kind'],
    ]);
  });

  it('stops reading after the document limit', () => {
    const many = Array.from({ length: 5 }, (_, i) => `kind: Namespace\nmetadata: {name: n${i}}\n`).join(
      '---\n',
    );
    const { objects, errors } = parseManifests(many, 'many.yaml', {
      ...DEFAULT_PARSE_LIMITS,
      maxDocuments: 3,
    });
    expect(objects).toHaveLength(3);
    expect(errors.map((error) => error.code)).toEqual(['TOO_MANY_DOCUMENTS']);
  });

  it('refuses deep nesting in flow and block style without exhausting the stack', () => {
    let block = 'kind: X\n';
    for (let depth = 0; depth < 5000; depth++) {
      block += `${' '.repeat(depth)}k:\n`;
    }
    expect(parseManifests('['.repeat(200_000), 'flow.yaml').errors.map((e) => e.code)).toEqual(['TOO_DEEP']);
    expect(parseManifests(block, 'block.yaml').errors.map((e) => e.code)).toEqual(['TOO_DEEP']);
    expect(
      parseManifests(`{"kind": "X", "a": ${'['.repeat(100)}${']'.repeat(100)}}`, 'x.json').errors.map(
        (e) => e.code,
      ),
    ).toEqual(['TOO_DEEP']);
  });

  it('reports malformed JSON', () => {
    expect(parseManifests('{"kind": ', 'bad.json').errors.map((e) => [e.code, e.file])).toEqual([
      ['MALFORMED_JSON', 'bad.json'],
    ]);
  });
});
