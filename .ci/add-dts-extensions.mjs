// Post-build step: tsc emits declaration files with the extensionless relative imports the
// sources use (moduleResolution "Bundler"). Node's ESM resolution (node16/nodenext consumers)
// needs full paths, so rewrite `./x` to `./x.js` or `./x/index.js` according to what exists in dist/.
import { readFileSync, writeFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const dist = resolve(import.meta.dirname, '..', 'dist');
const specifier = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*)\2/g;

function* declarationFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* declarationFiles(path);
    else if (name.endsWith('.d.ts')) yield path;
  }
}

function withExtension(fromFile, spec) {
  if (/\.(js|mjs|cjs|json)$/.test(spec)) return spec;
  const base = resolve(dirname(fromFile), spec);
  if (existsSync(`${base}.d.ts`)) return `${spec}.js`;
  if (existsSync(join(base, 'index.d.ts'))) return `${spec}/index.js`;
  throw new Error(`${fromFile}: cannot resolve declaration import '${spec}'`);
}

let rewritten = 0;
for (const file of declarationFiles(dist)) {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(specifier, (_m, lead, quote, spec) => `${lead}${quote}${withExtension(file, spec)}${quote}`);
  if (next !== text) {
    writeFileSync(file, next);
    rewritten += 1;
  }
}
console.log(`add-dts-extensions: rewrote imports in ${rewritten} declaration files`);
