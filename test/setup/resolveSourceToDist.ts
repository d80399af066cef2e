import { existsSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { Plugin } from 'vite';

const srcDir = resolve(import.meta.dirname, '..', '..', 'src') + sep;
const distDir = resolve(import.meta.dirname, '..', '..', 'dist') + sep;

/**
 * Runs the unit suites against the built package (`npm run test:dist`): every import the tests
 * make of `src/<path>.ts(x)` resolves to `dist/<path>.js` instead. The build keeps the source tree's
 * shape (preserveModules), so the mapping is one to one; type-only modules have no JS and are erased.
 */
export function resolveSourceToDist(): Plugin {
  return {
    name: 'resolve-source-to-dist',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (importer === undefined || !source.startsWith('.') || importer.startsWith(distDir)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (resolved === null || !resolved.id.startsWith(srcDir)) return null;
      const built = distDir + resolved.id.slice(srcDir.length).replace(/\.tsx?$/, '.js');
      if (!existsSync(built)) throw new Error(`test:dist: ${built} is missing; run npm run build first`);
      return built;
    },
  };
}
