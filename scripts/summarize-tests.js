// Adds up the Jest/Vitest JSON reports and prints the one line CI reads: "N passed, N failed".
// A suite without a report (it crashed or never ran) counts as one failure.
const { readFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');

const [dir, ...suites] = process.argv.slice(2);
let passed = 0;
let failed = 0;
for (const name of suites) {
  const file = join(dir, `${name}.json`);
  if (!existsSync(file)) {
    console.log(`${name}: no report (the suite did not run to the end)`);
    failed += 1;
    continue;
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  const p = r.numPassedTests ?? 0;
  const f = (r.numFailedTests ?? 0) + (r.numRuntimeErrorTestSuites ?? 0);
  const broken = (r.testResults ?? []).filter((s) => s.status === 'failed' && (s.assertionResults ?? []).length === 0).length;
  console.log(`${name}: ${p} passed, ${f} failed${broken ? ` (${broken} test files failed to run)` : ''}`);
  passed += p;
  failed += f + (r.numRuntimeErrorTestSuites ? 0 : broken);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
