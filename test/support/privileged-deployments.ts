/**
 * A Deployment whose one container runs privileged (or not): one critical `container-privileged` finding, the
 * fixture of the ticket and Jira tests and the Jira bench.
 */
export function privilegedDeployment(namespace: string, name: string, privileged = true): object {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: {
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          containers: [
            {
              name,
              image: `registry.example/${name}:1.0@sha256:${'a'.repeat(64)}`,
              securityContext: { privileged },
            },
          ],
        },
      },
    },
  };
}

/** Objects as a snapshot upload body (`kind: List`, JSON). */
export function snapshotList(items: readonly object[]): string {
  return JSON.stringify({ apiVersion: 'v1', kind: 'List', items });
}
