// Bundle size: min+gzip of the client entry and of each public export alone, bundled the way an
// app's bundler would (rolldown, minified, production, peers external). Baseline:
// @stripe/react-stripe-js's ESM build measured the same way (the ratio is reported). Targets: issue 19's
// rolldown budgets, useCustomerSession alone ≤ 3,865 B and the whole client entry ≤ 6,700 B (they re-set
// the client-core issue's 3,000 B and "smaller than react-stripe-js"; check:package enforces what is
// measured today); importing only the hooks must not pull in the web-component or <Elements> code.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleSnippet, peerExternals } from './lib/bundle.mjs';
import { loadClient } from './lib/dist';
import { finishSection, repoRoot, round, type Check } from './lib/report';

const entry = join(repoRoot, 'dist', 'index.js');
const hookTargetBytes = 3865;
const entryTargetBytes = 6700;
const webComponentCode = /pricing-table\.js|buy-button\.js|stripe-pricing-table|stripe-buy-button/;
const elementsCode = /from\s*["']@stripe\/react-stripe-js["']/;
const webComponentExports = new Set(['PricingTable', 'BuyButton']);
const hookExports = ['useCustomerSession', 'useCustomerSessionContext', 'CustomerSessionProvider', 'useComponentSecret'];

const reactStripeJs = fileURLToPath(import.meta.resolve('@stripe/react-stripe-js'));
const baselineExternal = [/^react($|\/)/, /^react-dom($|\/)/, /^@stripe\/stripe-js($|\/)/];

const whole = await bundleSnippet(`export * from ${JSON.stringify(entry)};`);
const bare = await bundleSnippet(`import ${JSON.stringify(entry)};`);
const baseline = await bundleSnippet(`export * from ${JSON.stringify(reactStripeJs)};`, { external: baselineExternal });
const baselineElements = await bundleSnippet(`export { Elements } from ${JSON.stringify(reactStripeJs)};`, { external: baselineExternal });

const names = Object.keys(await loadClient()).sort();
const perExport = [];
for (const name of names) {
  const result = await bundleSnippet(`export { ${name} } from ${JSON.stringify(entry)};`, { external: peerExternals });
  perExport.push({ name, minBytes: result.minBytes, gzipBytes: result.gzipBytes, webComponents: webComponentCode.test(result.code), elements: elementsCode.test(result.code) });
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');
const rows: Array<Array<string | number>> = [
  ['client entry (export *)', whole.minBytes, whole.gzipBytes, yesNo(webComponentCode.test(whole.code)), yesNo(elementsCode.test(whole.code)), round(whole.gzipBytes / baseline.gzipBytes)],
  ...perExport.map((e) => [`  { ${e.name} }`, e.minBytes, e.gzipBytes, yesNo(e.webComponents), yesNo(e.elements), round(e.gzipBytes / baseline.gzipBytes)]),
  ['baseline: @stripe/react-stripe-js (export *)', baseline.minBytes, baseline.gzipBytes, '-', '-', 1],
  ['baseline: { Elements } from @stripe/react-stripe-js', baselineElements.minBytes, baselineElements.gzipBytes, '-', '-', round(baselineElements.gzipBytes / baseline.gzipBytes)],
];

const hook = perExport.find((e) => e.name === 'useCustomerSession') ?? { gzipBytes: Infinity };
const leaks = perExport.filter((e) => e.webComponents && !webComponentExports.has(e.name)).map((e) => e.name);
const hookLeaks = perExport.filter((e) => hookExports.includes(e.name) && (e.webComponents || e.elements)).map((e) => e.name);
const checks: Check[] = [
  { name: 'client entry min+gzip (vs react-stripe-js)', target: `≤ ${entryTargetBytes} B`, actual: `${whole.gzipBytes} B (${round(whole.gzipBytes / baseline.gzipBytes)}× react-stripe-js's ${baseline.gzipBytes} B)`, met: whole.gzipBytes <= entryTargetBytes },
  { name: 'useCustomerSession alone min+gzip', target: `≤ ${hookTargetBytes} B`, actual: `${hook.gzipBytes} B`, met: hook.gzipBytes <= hookTargetBytes },
  { name: `hooks alone (${hookExports.join(', ')}) pull no web-component or <Elements> code`, target: 'none', actual: hookLeaks.length ? hookLeaks.join(', ') : 'none', met: hookLeaks.length === 0, hard: true },
  { name: 'only PricingTable/BuyButton pull web-component code', target: 'none else', actual: leaks.length ? leaks.join(', ') : 'none else', met: leaks.length === 0, hard: true },
  { name: 'importing the entry for side effects only', target: '0 B', actual: `${bare.minBytes} B`, met: bare.minBytes === 0, hard: true },
];

finishSection('size', {
  title: 'Bundle size: rolldown, minified, production, peers external (bytes); ratio = min+gzip / react-stripe-js',
  columns: ['bundle', 'min', 'min+gzip', 'web components', '<Elements>', 'ratio'],
  rows,
  checks,
  data: {
    hookTargetBytes,
    entryTargetBytes,
    clientEntry: { minBytes: whole.minBytes, gzipBytes: whole.gzipBytes },
    exports: perExport,
    baseline: { package: '@stripe/react-stripe-js', minBytes: baseline.minBytes, gzipBytes: baseline.gzipBytes, elements: { minBytes: baselineElements.minBytes, gzipBytes: baselineElements.gzipBytes } },
    ratio: round(whole.gzipBytes / baseline.gzipBytes, 3),
  },
});
