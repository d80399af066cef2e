// `npm run bench`: builds the package, runs every benchmark (each prints its table), then merges
// their results into bench/results.json and prints the targets. `npm run bench -- mount server`
// runs only those (merging into the existing results); `--no-build` skips the build.
// Exits non-zero when a benchmark crashes or a hard check (request counts, render counts,
// tree-shaking) fails; size and mount-cost targets are reported, not enforced (the packaging check
// enforces the size budget).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const sectionDir = join(root, 'bench', '.tmp', 'sections');
const resultsFile = join(root, 'bench', 'results.json');

// NODE_ENV per benchmark: React's development build counts renders (Profiler) and double-mounts
// in StrictMode; mount cost is timed on the production build.
const benchmarks = [
  { name: 'size', file: 'bench/size.ts', env: {} },
  { name: 'requests', file: 'bench/requests.tsx', env: { NODE_ENV: 'development' } },
  { name: 'renders', file: 'bench/renders.tsx', env: { NODE_ENV: 'development' } },
  { name: 'mount', file: 'bench/mount.tsx', env: { NODE_ENV: 'production' } },
  { name: 'server', file: 'bench/server.ts', env: {} },
  { name: 'ratelimit', file: 'bench/rateLimit.ts', env: {} },
  { name: 'budget', file: 'bench/budget.ts', env: {} },
  { name: 'pageload', file: 'bench/pageload.ts', env: { NODE_ENV: 'production' } },
  { name: 'storefront', file: 'bench/storefront.tsx', env: { NODE_ENV: 'production' } },
];

const args = process.argv.slice(2);
const wanted = args.filter((arg) => !arg.startsWith('--'));
const unknown = wanted.filter((name) => !benchmarks.some((b) => b.name === name));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; choose from ${benchmarks.map((b) => b.name).join(', ')}`);
  process.exit(2);
}
const selected = wanted.length === 0 ? benchmarks : benchmarks.filter((b) => wanted.includes(b.name));
const started = Date.now();

if (!args.includes('--no-build')) {
  console.log('building the package (npm run build)…');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) {
    console.error(`${build.stdout}${build.stderr}\nbuild failed`);
    process.exit(1);
  }
}

rmSync(sectionDir, { recursive: true, force: true });
mkdirSync(sectionDir, { recursive: true });
const crashed = [];
for (const bench of selected) {
  const t0 = Date.now();
  const child = spawnSync(process.execPath, ['--import', 'tsx', bench.file], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...bench.env },
  });
  console.log(`(${bench.name}: ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  if (child.status !== 0 || !existsSync(join(sectionDir, `${bench.name}.json`))) crashed.push(bench.name);
}

let commit = null;
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
} catch {
  // not a git checkout
}
const previous = wanted.length > 0 && existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : { sections: {} };
const sections = { ...previous.sections };
for (const bench of selected) {
  const file = join(sectionDir, `${bench.name}.json`);
  if (existsSync(file)) sections[bench.name] = JSON.parse(readFileSync(file, 'utf8'));
}
const results = {
  meta: {
    date: new Date().toISOString(),
    commit,
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    durationSeconds: Math.round((Date.now() - started) / 1000),
    ran: selected.map((b) => b.name),
  },
  sections,
};
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);

const checks = Object.entries(sections).flatMap(([name, section]) => section.checks.map((check) => ({ section: name, ...check })));
console.log('\nTargets');
for (const check of checks) {
  console.log(`${check.met ? 'ok  ' : check.hard ? 'FAIL' : 'miss'} [${check.section}] ${check.name}: ${check.actual} (target ${check.target})`);
}
const failedHard = checks.filter((check) => check.hard && !check.met);
console.log(`\nwrote bench/results.json in ${results.meta.durationSeconds} s`);
if (crashed.length > 0) console.error(`benchmark(s) failed to run: ${crashed.join(', ')}`);
if (failedHard.length > 0) console.error(`${failedHard.length} hard check(s) failed`);
process.exit(crashed.length > 0 || failedHard.length > 0 ? 1 : 0);
