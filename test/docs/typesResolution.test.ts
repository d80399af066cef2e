import ts from 'typescript';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The README says every entry loads through `require()` as well as `import`. A TypeScript app that
// compiles to CommonJS most often resolves modules the classic way (`"module": "commonjs"`, whose
// default is `moduleResolution: node10`), which never reads `exports`: without `typesVersions` it
// finds the root entry's types (`types`) but not those of `./server`, `./node` or `./testing`.
// Resolved here as TypeScript resolves them in an app, against this package.json (the built
// declarations are taken as present).
const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { name: string; exports: Record<string, string | { types?: string }> };
const app = '/app';
const installed = `${app}/node_modules/${pkg.name}/`;
const declared = new Set(Object.values(pkg.exports).flatMap((target) => (typeof target === 'object' && target.types ? [installed + target.types.slice(2)] : [])));

const host: ts.ModuleResolutionHost = {
  fileExists: (file) => (file === `${installed}package.json` ? true : declared.has(file)),
  readFile: (file) => (file === `${installed}package.json` ? readFileSync(`${root}package.json`, 'utf8') : undefined),
  directoryExists: (dir) => [...declared, installed].some((file) => file.startsWith(`${dir}/`)),
};

const subpaths = Object.keys(pkg.exports).filter((subpath) => subpath !== './package.json');
const modes: Array<[string, ts.CompilerOptions]> = [
  ['commonjs / node10', { module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10 }],
  ['nodenext', { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext }],
  ['bundler', { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler }],
];

describe.each(modes)('TypeScript resolving the package in an app (%s)', (_label, options) => {
  it.each(subpaths)('finds the declarations of %s, the ones its `exports` name', (subpath) => {
    const specifier = pkg.name + subpath.slice(1);
    const { resolvedModule } = ts.resolveModuleName(specifier, `${app}/src/index.ts`, options, host);
    const target = pkg.exports[subpath] as { types: string };
    expect(resolvedModule?.resolvedFileName).toBe(installed + target.types.slice(2));
  });
});
