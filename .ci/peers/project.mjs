// One throwaway consumer project: install the packed package with exact peer versions, type-check
// the consumer files, render the storefront. Each step returns { title, ok, ms, output }.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = join(here, '../..');
const fixture = join(here, 'consumer');
const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');
const vitest = join(repoRoot, 'node_modules/vitest/vitest.mjs');

/** Runs a command, never throws: resolves { ok, output }. */
export function exec(cmd, args, options) {
  return new Promise((resolve) => {
    execFile(cmd, args, { maxBuffer: 64 << 20, ...options }, (error, stdout, stderr) => resolve({ ok: !error, output: `${stdout}${stderr}`.trim() }));
  });
}

async function step(title, body) {
  const start = performance.now();
  const { ok, output = '' } = await body();
  return { title, ok, ms: Math.round(performance.now() - start), output };
}

/**
 * Runs every step for `project` in `root/<name>`; stops after a failed install. Reuses the installed
 * tree when the project's package.json (exact versions, content-named tarball) is unchanged.
 */
export async function runProject(project, { root, tarball, packageName, npmEnv }) {
  const dir = join(root, project.name);
  mkdirSync(dir, { recursive: true });
  cpSync(fixture, dir, { recursive: true });
  const manifest = `${JSON.stringify(
    { name: `peers-${project.name}`, private: true, type: 'module', dependencies: { [packageName]: `file:${tarball}`, ...project.deps } },
    null,
    2,
  )}\n`;
  const stampFile = join(dir, 'node_modules/.peers-stamp');
  const stamp = createHash('sha256').update(manifest).digest('hex');
  const steps = [];

  steps.push(
    await step(`npm install ${describe(project.deps)}`, async () => {
      if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return { ok: true, output: 'reused' };
      writeFileSync(join(dir, 'package.json'), manifest);
      rmSync(stampFile, { force: true });
      const install = await exec('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=warn'], { cwd: dir, env: npmEnv });
      if (!install.ok) return install;
      // npm installs some peer conflicts anyway, with a warning ("overriding peer dependency"): a failure here.
      const peerWarnings = install.output.split('\n').filter((line) => /ERESOLVE|peer dep|conflicting peer/i.test(line));
      if (peerWarnings.length > 0) return { ok: false, output: install.output };
      const wrong = Object.entries(project.deps).filter(([name, version]) => installedVersion(dir, name) !== version);
      if (wrong.length > 0) return { ok: false, output: `installed other versions: ${wrong.map(([name]) => `${name}@${installedVersion(dir, name)}`).join(', ')}` };
      writeFileSync(stampFile, stamp);
      return install;
    }),
  );
  if (!steps[0].ok) return steps;

  for (const [config, label] of [
    ['tsconfig.json', 'bundler'],
    ['tsconfig.node16.json', 'node16'],
  ]) {
    steps.push(
      await step(`tsc consumer.tsx (${label} resolution, strict, skipLibCheck off, no @types/node)`, async () => {
        const result = await exec(process.execPath, [tsc, '-p', config, '--listFiles'], { cwd: dir });
        const files = result.output.split('\n').filter((line) => line.startsWith('/'));
        const messages = result.output.split('\n').filter((line) => !line.startsWith('/')).join('\n');
        const nodeTypes = files.filter((file) => file.includes('/@types/node/'));
        if (nodeTypes.length > 0) return { ok: false, output: `the program pulled in @types/node: ${nodeTypes[0]}\n${messages}` };
        return { ok: result.ok, output: messages };
      }),
    );
  }
  steps.push(await step('tsc stripeServer.ts (official stripe SDK, node16 resolution)', () => exec(process.execPath, [tsc, '-p', 'tsconfig.stripe.json'], { cwd: dir })));
  steps.push(
    await step('render: provider + PricingTable + CustomerSessionElements under StrictMode, one endpoint call', () =>
      exec(process.execPath, [vitest, 'run', '--root', dir, '--config', join(dir, 'vitest.config.mjs'), '--reporter=dot'], { cwd: dir, env: { ...process.env, CI: '1' } }),
    ),
  );
  return steps;
}

function installedVersion(dir, name) {
  const file = join(dir, 'node_modules', name, 'package.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : 'missing';
}

export function describe(deps) {
  const short = { react: 'react', '@tanstack/react-query': 'react-query', '@stripe/react-stripe-js': 'react-stripe-js', '@stripe/stripe-js': 'stripe-js', stripe: 'stripe', '@types/react': '@types/react' };
  return Object.entries(short)
    .filter(([name]) => name in deps)
    .map(([name, label]) => `${label}@${deps[name]}`)
    .join(' ');
}
