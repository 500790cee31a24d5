import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { memoryRequestsMissing } from './memory-requests-missing';

const cronJob = (resources: string) => `
apiVersion: batch/v1
kind: CronJob
metadata: {name: report, namespace: finance}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: report
              image: registry.example.com/report:2
              resources: ${resources}
`;

describe('memory-requests-missing', () => {
  it('reports a container without a memory request, in a CronJob too', () => {
    const { findings, result } = runCheck(memoryRequestsMissing, cronJob('{requests: {cpu: 100m}}'));
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings[0]).toMatchObject({
      container: 'report',
      resource: { kind: 'CronJob', namespace: 'finance', name: 'report' },
      message: 'Container report has no memory request',
      evidence: { path: 'spec.jobTemplate.spec.template.spec.containers[0].resources.requests.memory' },
    });
  });

  it('passes a memory request, or a memory limit the request defaults to', () => {
    expect(runCheck(memoryRequestsMissing, cronJob('{requests: {memory: 256Mi}}')).findings).toEqual([]);
    expect(runCheck(memoryRequestsMissing, cronJob('{limits: {memory: 256Mi}}')).findings).toEqual([]);
  });

  it('is not applicable without workloads', () => {
    const { result } = runCheck(
      memoryRequestsMissing,
      'apiVersion: v1\nkind: Namespace\nmetadata: {name: finance}\n',
    );
    expect(result.status).toBe(CheckStatus.NotApplicable);
  });
});
