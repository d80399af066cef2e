// Sums vitest JSON reports (and test:peers' report in the same shape) and prints one plain line: "N passed, M failed".
import { readFileSync, existsSync } from 'node:fs';

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    failed += 1; // a suite that produced no report counts as a failure
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0) - countSuitesWithFailedTests(report);
}
// Non-test steps (typecheck, lint, build, packaging) that failed count as one failure each.
const stepsFile = new URL('./results/failed-steps', import.meta.url);
if (existsSync(stepsFile)) failed += readFileSync(stepsFile, 'utf8').split('\n').filter((line) => line.trim() !== '' && !/vitest|test:browser|test:dist|test:peers/.test(line)).length;
console.log(`${passed} passed, ${failed} failed`);

// A suite that failed only because its tests failed is already counted through those tests;
// a suite that crashed before running (import error) adds one failure of its own.
function countSuitesWithFailedTests(report) {
  return (report.testResults ?? []).filter(
    (s) => s.status === 'failed' && (s.assertionResults ?? []).some((t) => t.status === 'failed'),
  ).length;
}
