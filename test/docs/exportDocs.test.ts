import ts from 'typescript';
import { fileURLToPath } from 'node:url';

// What a user sees on hover: every export of every entry carries a doc comment, and so does every
// field of the types a user writes or reads (props, options, the hook's state, the server policy,
// the session), as declared by this package (fields inherited from React or Stripe.js have theirs).
const root = fileURLToPath(new URL('../../', import.meta.url));
const entries = { '.': 'src/index.ts', './server': 'src/server/index.ts', './node': 'src/node/index.ts', './testing': 'src/testing/index.ts' };
const program = ts.createProgram(
  Object.values(entries).map((file) => root + file),
  { strict: true, jsx: ts.JsxEmit.ReactJSX, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, types: ['node'], noEmit: true },
);
const checker = program.getTypeChecker();

function exportsOf(file: string): Map<string, ts.Symbol> {
  const module = checker.getSymbolAtLocation(program.getSourceFile(root + file)!)!;
  return new Map(checker.getExportsOfModule(module).map((symbol) => [symbol.name, symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol]));
}

const documented = (symbol: ts.Symbol): boolean => ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim() !== '';
const ours = (symbol: ts.Symbol): boolean => !!symbol.declarations?.some((declaration) => declaration.getSourceFile().fileName.startsWith(root + 'src/'));

// The types whose every field a user meets in an editor.
const fullyDocumented = {
  '.': [
    'UseCustomerSessionOptions',
    'CustomerSessionState',
    'CustomerSessionProviderProps',
    'CustomerSessionElementsProps',
    'PricingTableProps',
    'BuyButtonProps',
    'ComponentSecret',
    'CustomerSessionEndpointContext',
    'CustomerSessionQueryOptionsInput',
    'CustomerSession',
    'CustomerSessionComponentsParams',
    'PaymentElementParams',
    'PaymentElementFeaturesParams',
    'PricingTableParams',
    'BuyButtonParams',
    'StripeErrorObject',
    'CustomerSessionComponents',
    'PaymentElementFeatures',
    'CustomerSheetFeatures',
    'MobilePaymentElementFeatures',
    'CustomerSessionData',
    'StripePricingTableAttributes',
    'StripeBuyButtonAttributes',
    'CustomerSessionError',
  ],
  './server': ['CustomerSessionRateLimitError', 'RateLimiterUnavailableError', 'CustomerSessionStripeClient', 'CustomerSessionRateLimiter', 'CustomerSessionHandlerOptions', 'CreateCustomerSessionOptions', 'CreateCustomerSessionsOptions', 'CustomerSessionRequestBody', 'CustomerSessionBatchResponse'],
  './node': [],
  './testing': [],
} satisfies Record<keyof typeof entries, string[]>;

describe.each(Object.entries(entries))('the %s entry, as a user hovers it', (entry, file) => {
  const exported = exportsOf(file);

  it('exports something (the check below checks something)', () => {
    expect(exported.size).toBeGreaterThan(3);
  });

  it('documents every export', () => {
    expect([...exported].filter(([, symbol]) => !documented(symbol)).map(([name]) => name)).toEqual([]);
  });

  it.each(fullyDocumented[entry as keyof typeof entries])('documents every field of %s', (name) => {
    const symbol = exported.get(name);
    expect(symbol, `${name} is exported`).toBeDefined();
    const fields = checker.getDeclaredTypeOfSymbol(symbol!).getApparentProperties().filter(ours);
    expect(fields.length).toBeGreaterThan(0);
    expect(fields.filter((field) => !documented(field)).map((field) => field.name)).toEqual([]);
  });
});
