// Sums vitest JSON reports (and test:peers' report in the same shape) and prints one plain line: "N passed, M failed".
import { readFileSync, existsSync } from 'node:fs';

let passed = 0;
let failed = 0;
// Every failure is also named above the summary line, so the end of a CI log says what failed.
const named = [];
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    failed += 1; // a suite that produced no report counts as a failure
    named.push(`${file}: no report`);
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0) - countSuitesWithFailedTests(report);
  for (const suite of report.testResults ?? []) {
    const tests = (suite.assertionResults ?? []).filter((t) => t.status === 'failed');
    for (const t of tests) named.push(`${file}: ${suite.name} > ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
    if (suite.status === 'failed' && tests.length === 0) named.push(`${file}: ${suite.name}: ${firstLine(suite.message)}`);
  }
}
// Non-test steps (typecheck, lint, build, packaging) that failed count as one failure each.
const stepsFile = new URL('./results/failed-steps', import.meta.url);
if (existsSync(stepsFile)) {
  const steps = readFileSync(stepsFile, 'utf8').split('\n').filter((line) => line.trim() !== '');
  for (const step of steps) named.push(`step failed: ${step}`);
  failed += steps.filter((line) => !/vitest|test:browser|test:dist|test:peers/.test(line)).length;
}
if (named.length > 0) console.log(`\nFailures:\n${named.map((line) => `  ${line}`).join('\n')}\n`);
console.log(`${passed} passed, ${failed} failed`);

function firstLine(text) {
  return String(text ?? '').split('\n').find((line) => line.trim() !== '')?.trim().slice(0, 300) ?? '';
}

// A suite that failed only because its tests failed is already counted through those tests;
// a suite that crashed before running (import error) adds one failure of its own.
function countSuitesWithFailedTests(report) {
  return (report.testResults ?? []).filter(
    (s) => s.status === 'failed' && (s.assertionResults ?? []).some((t) => t.status === 'failed'),
  ).length;
}
