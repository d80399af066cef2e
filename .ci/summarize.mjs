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
  // Each failed test counts once. A test file that failed with no failed test (it crashed on import,
  // or a hook threw) counts once more. Not `numFailedTestSuites`: vitest counts every failed
  // `describe` in it too, so one failing test two blocks deep used to count three times.
  failed += report.numFailedTests ?? 0;
  for (const suite of report.testResults ?? []) {
    const tests = (suite.assertionResults ?? []).filter((t) => t.status === 'failed');
    for (const t of tests) named.push(`${file}: ${suite.name} > ${t.fullName}: ${summarize(t.failureMessages?.[0])}`);
    if (suite.status === 'failed' && tests.length === 0) {
      failed += 1;
      named.push(`${file}: ${suite.name}: ${summarize(suite.message)}`);
    }
  }
}
// Non-test steps (typecheck, lint, build, packaging) that failed count as one failure each.
const stepsFile = new URL('./results/failed-steps', import.meta.url);
if (existsSync(stepsFile)) {
  const steps = readFileSync(stepsFile, 'utf8').split('\n').filter((line) => line.trim() !== '');
  for (const step of steps) named.push(`step failed: ${step}`);
  // Steps with a report of their own are counted there (a missing report counts once above).
  failed += steps.filter((line) => !/vitest|npm test|test:browser|test:dist|test:peers|test:runtimes/.test(line)).length;
}
if (named.length > 0) console.log(`\nFailures:\n${named.map((line) => `  ${line}`).join('\n')}\n`);
console.log(`${passed} passed, ${failed} failed`);

// The first line of a failure message, and fast-check's seed and counterexample when it has them
// (enough to reproduce a property failure from the log alone).
function summarize(text) {
  const lines = String(text ?? '').split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const kept = [lines[0] ?? '', ...lines.slice(1).filter((line) => /^(\{ seed:|Counterexample:)/.test(line))];
  return kept.map((line) => line.slice(0, 300)).join(' | ');
}
