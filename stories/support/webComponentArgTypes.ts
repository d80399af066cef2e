import type { ArgTypes } from '@storybook/react-vite';

// The props of PricingTable and BuyButton for their autodocs tables: react-docgen cannot read the
// props of the components the shared factory makes, so these rows say what `src/react/types.ts` does.
const row = (summary: string, description: string, defaultValue?: string) => ({
  description,
  control: false as const,
  table: { type: { summary }, ...(defaultValue ? { defaultValue: { summary: defaultValue } } : {}) },
});

/** Rows for every prop of `PricingTable` / `BuyButton` but the element's id, which each story adds with a control. */
export const webComponentArgTypes: ArgTypes = {
  clientReferenceId: {
    ...row('string', '`client-reference-id`: your id for the customer, copied to the Checkout Session. A new one makes a new element, with a session of its own.'),
    control: 'text',
  },
  loading: row("'lazy' | 'eager'", "When the element's own Customer Session is created: `'lazy'` once it is within 200 px of the viewport, `'eager'` at mount.", "'lazy'"),
  publishableKey: row('string', "`publishable-key`. Defaults to the provider's `publishableKey`."),
  fallback: row('ReactNode', 'Shown while the session is pending, instead of an anonymous element that would then flip to the customer.', 'nothing'),
  errorFallback: row('ReactNode', "Shown when Stripe's script fails to load (or has not loaded within 30 s).", 'nothing'),
  onError: row('(error: CustomerSessionError) => void', "Called once per failure: the element's session failed (it then renders for a guest) or the script did."),
  nonce: row('string', 'CSP nonce for the `<script>` the component adds.'),
  anonymous: row('boolean', 'Never injects the customer secret; works outside a provider when `publishableKey` is given.', 'false'),
  customerEmail: row('string', '`customer-email`, only together with `anonymous` (Stripe does not combine it with a session).'),
  'id / className / style / data-* / aria-* / ref': row('HTML attributes', 'Passed to the custom element (`ref` receives the `HTMLElement`).'),
};
