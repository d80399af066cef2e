// `npm run test:peers`: proves every peer combination the package.json ranges admit installs and
// works, as a consumer would meet it. Builds and packs the package, then in throwaway projects under
// .ci/.peers (gitignored) installs the tarball with the lowest and the newest version of each peer
// range, on each React major, and in each: type-checks a consumer file (strict, skipLibCheck off,
// bundler and node16 resolution, no @types/node), the server entry with the official SDK, and
// renders a StrictMode storefront (one endpoint call). Two projects at a time.
//
//   --skip-build     use the existing dist/ (CI builds just before)
//   --report <file>  also write a vitest-style JSON report (one test per step) for .ci/summarize.mjs
//   --only <name>    run one project (react18-lowest, react19-newest, …)
// npm's cache is shared with every other install (PEERS_NPM_CACHE=<dir> to use another).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { resolveMatrix } from './peers/matrix.mjs';
import { describe, runProject } from './peers/project.mjs';

const repoRoot = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const root = join(repoRoot, '.ci/.peers');
const { values: args } = parseArgs({ options: { 'skip-build': { type: 'boolean' }, report: { type: 'string' }, only: { type: 'string' } } });
const npmEnv = { ...process.env, ...(process.env.PEERS_NPM_CACHE ? { npm_config_cache: process.env.PEERS_NPM_CACHE } : {}) };
const started = performance.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

mkdirSync(root, { recursive: true });
if (!args['skip-build']) execFileSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
for (const old of readdirSync(root).filter((file) => file.endsWith('.tgz'))) rmSync(join(root, old));
const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', root], { cwd: repoRoot, encoding: 'utf8' }))[0];
// Named by content: npm reinstalls a file: dependency only when its spec changes, not its bytes.
const tarball = `package-${createHash('sha256').update(readFileSync(join(root, packed.filename))).digest('hex').slice(0, 16)}.tgz`;
renameSync(join(root, packed.filename), join(root, tarball));
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

const projects = (await resolveMatrix(pkg, npmEnv)).filter((project) => !args.only || project.name === args.only);
if (projects.length === 0) throw new Error(`no project named ${args.only}`);
console.log(`test:peers: ${packed.filename} (${packed.entryCount} files), ${projects.length} projects, peers ${JSON.stringify(pkg.peerDependencies)}`);

const results = new Map();
const queue = [...projects];
async function worker() {
  for (let project = queue.shift(); project; project = queue.shift()) {
    const start = performance.now();
    const steps = await runProject(project, { root, tarball: `../${tarball}`, packageName: pkg.name, npmEnv });
    results.set(project.name, steps);
    const failed = steps.filter((s) => !s.ok).length;
    console.log(`\n${failed ? 'FAIL' : 'ok  '} ${project.name} (${seconds(performance.now() - start)}): ${describe(project.deps)}`);
    for (const s of steps) {
      console.log(`  ${s.ok ? 'ok  ' : 'FAIL'} ${s.title} [${seconds(s.ms)}${s.output === 'reused' ? ', reused' : ''}]`);
      if (!s.ok) console.log(s.output.replace(/^/gm, '       '));
    }
  }
}
await Promise.all([worker(), worker()]);

const ordered = projects.map((project) => ({ project, steps: results.get(project.name) }));
const all = ordered.flatMap(({ steps }) => steps);
const failed = all.filter((s) => !s.ok).length;
console.log(`\ntest:peers: ${all.length - failed} steps passed, ${failed} failed, ${seconds(performance.now() - started)}`);

if (args.report) {
  // The subset of vitest's JSON report that .ci/summarize.mjs reads; each step is one test.
  const testResults = ordered.map(({ project, steps }) => ({
    name: `test:peers ${project.name}`,
    status: steps.every((s) => s.ok) ? 'passed' : 'failed',
    assertionResults: steps.map((s) => ({
      title: s.title,
      fullName: `${project.name} ${s.title}`,
      status: s.ok ? 'passed' : 'failed',
      duration: s.ms,
      failureMessages: s.ok ? [] : [s.output],
    })),
  }));
  const report = { numTotalTests: all.length, numPassedTests: all.length - failed, numFailedTests: failed, numFailedTestSuites: testResults.filter((r) => r.status === 'failed').length, success: failed === 0, testResults };
  mkdirSync(dirname(args.report), { recursive: true });
  writeFileSync(args.report, `${JSON.stringify(report, null, 2)}\n`);
}
process.exit(failed === 0 ? 0 : 1);
