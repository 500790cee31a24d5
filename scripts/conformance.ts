import { catalog } from '../src/engine/checks/catalog';
import { scorePolarisConformance } from '../test/support/polaris-conformance';

/** `npm run conformance [-- --check POLARIS_ID] [--verbose]`: agreement with Polaris on its own fixtures. */
function main(): void {
  const args = process.argv.slice(2);
  const only = args.includes('--check') ? args[args.indexOf('--check') + 1] : undefined;
  const verbose = args.includes('--verbose');
  const report = scorePolarisConformance(catalog, only);
  const percent = (agreed: number, total: number) =>
    total === 0 ? '   -  ' : `${((100 * agreed) / total).toFixed(1)}%`.padStart(6);
  console.log(`${'Polaris check'.padEnd(42)} ${'Kubeassay check'.padEnd(40)} agree  TP TN FP FN NA`);
  for (const check of report.checks) {
    const count = (outcome: string) =>
      String(check.cases.filter((c) => c.outcome === outcome).length).padStart(2);
    console.log(
      `${check.polarisCheck.padEnd(42)} ${(check.ourCheck ?? '(not mapped)').padEnd(40)} ${percent(check.agreed, check.cases.length)} ` +
        ['true-positive', 'true-negative', 'false-positive', 'false-negative', 'not-applicable']
          .map(count)
          .join(' '),
    );
    if (verbose) {
      for (const result of check.cases.filter(
        (c) => c.outcome !== 'true-positive' && c.outcome !== 'true-negative',
      )) {
        console.log(`    ${result.outcome}: ${result.file} (expected ${result.expect})`);
      }
    }
  }
  console.log(
    `\nmapped ${report.mappedChecks}/${report.builtinChecks} built-in checks; ` +
      `agreement ${report.agreed}/${report.cases} cases = ${percent(report.agreed, report.cases).trim()}`,
  );
}

main();
