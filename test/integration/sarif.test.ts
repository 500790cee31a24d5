import '@microsoft/jest-sarif';
import { kubeassay } from '../support/cli';

interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      locations: {
        physicalLocation?: { artifactLocation: { uri: string }; region: { startLine: number } };
      }[];
      partialFingerprints: Record<string, string>;
    }[];
    invocations: { toolExecutionNotifications: unknown[] }[];
  }[];
}

describe('SARIF output', () => {
  it('validates against the SARIF 2.1.0 schema, with rules and file locations', async () => {
    const run = await kubeassay(['scan', 'examples/', '--format', 'sarif']);
    const log = JSON.parse(run.stdout) as SarifLog;
    expect(log).toBeValidSarifLog();
    expect({ ...log, runs: [{ results: [] }] }).not.toBeValidSarifLog();
    const [sarifRun] = log.runs;
    expect(sarifRun!.results.length).toBeGreaterThan(0);
    for (const result of sarifRun!.results) {
      expect(sarifRun!.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
      expect(result.locations[0]!.physicalLocation!.artifactLocation.uri).toMatch(/^examples\//);
      expect(result.locations[0]!.physicalLocation!.region.startLine).toBeGreaterThan(0);
      expect(result.partialFingerprints['kubeassay/v1']).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it('stays valid when input errors are reported as notifications', async () => {
    const run = await kubeassay(['scan', '-', '--format', 'sarif'], 'kind: [broken\n');
    const log = JSON.parse(run.stdout) as SarifLog;
    expect(log).toBeValidSarifLog();
    expect(log.runs[0]!.invocations[0]!.toolExecutionNotifications).toHaveLength(1);
    expect(run.code).toBe(2);
  });
});
