import { useState, type ComponentType } from 'react';
import type { ArgTypes, Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { CustomerSessionProvider, type ComponentName } from '../../src/index';
import { storefrontLoaded, loadStorefront } from '../support/loadStorefront';
import {
  expectPaymentElementAnonymous,
  expectPaymentElementSecret,
  expectStatus,
  expectWebComponentGuest,
  expectWebComponentSecret,
  lastSecret,
} from '../support/play';
import type { StorefrontLoaded } from '../support/loadStorefront';
import { Storefront } from '../support/Storefront';
import { defaultStorefrontArgs, storefrontArgTypes, type StorefrontArgs } from '../support/storefrontArgs';

interface Args extends StorefrontArgs {
  /** What the page asks for; omitted means everything the server's policy enables. */
  components?: ComponentName[];
  enabled: boolean;
}

// The provider's other props, as react-docgen reads them: the storefront below sets them itself (the
// session lifetime and refresh margin have controls of their own), so their rows carry no dead control.
const providerOnlyRows = Object.fromEntries(
  ['endpoint', 'refreshMarginMs', 'requestInit', 'initialSession', 'initialSessions', 'children', 'queryClient', 'publishableKey', 'stripe'].map((name) => [
    name,
    name === 'refreshMarginMs' ? { control: false, table: { defaultValue: { summary: '300_000 (5 min)' } } } : { control: false },
  ]),
) as ArgTypes;

/**
 * Fetches one Customer Session from your endpoint for everything inside it, keeps it fresh until
 * `expires_at`, and shares it with the components and `useCustomerSessionContext()`.
 * The panel below reads the context; the server policy lists all three components.
 */
const meta = {
  title: 'Components/CustomerSessionProvider',
  // `endpoint` and `children` come from the storefront below; the controls drive the rest.
  component: CustomerSessionProvider as unknown as ComponentType<Args>,
  tags: ['autodocs'],
  parameters: {
    docs: {
      // What an app writes; the canvas wraps it in the story's storefront and session panel.
      source: {
        language: 'tsx',
        code: `<CustomerSessionProvider
  endpoint="/api/customer-session"
  components={['payment_element', 'pricing_table', 'buy_button']}
  publishableKey="pk_test_…"
>
  <CustomerSessionElements options={{ mode: 'payment', amount: 4800, currency: 'usd' }}>
    <PaymentElement />
  </CustomerSessionElements>
  <PricingTable pricingTableId="prctbl_…" />
  <BuyButton buyButtonId="buy_btn_…" />
</CustomerSessionProvider>`,
      },
    },
  },
  loaders: [loadStorefront],
  args: {
    ...defaultStorefrontArgs,
    pricingTable: true,
    buyButton: true,
    showPricingTable: true,
    showBuyButton: true,
    enabled: true,
  },
  argTypes: {
    ...storefrontArgTypes,
    // react-docgen reads defaults from destructured props only; the provider applies these deeper.
    components: {
      control: 'inline-check',
      options: ['payment_element', 'pricing_table', 'buy_button'],
      description: 'Sent to the endpoint, which may only narrow its policy.',
      table: { defaultValue: { summary: "[] (the server's policy)" } },
    },
    enabled: { control: 'boolean', description: '`false` fetches nothing.', table: { defaultValue: { summary: 'true' } } },
    ...providerOnlyRows,
  },
  render: ({ components, enabled, ...args }, { loaded }) => (
    <Storefront args={args} loaded={storefrontLoaded(loaded)} provider={{ components, enabled }} />
  ),
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

export const WholePolicy: Story = {
  play: async ({ canvas, loaded }) => {
    await expectStatus(canvas, 'ready');
    expect(lastSecret(storefrontLoaded(loaded))).toMatch(/^cuss_secret_/);
    for (const name of ['payment_element', 'pricing_table', 'buy_button']) {
      expect(canvas.getByTestId(`chip-${name}`)).toHaveAttribute('data-enabled', 'true');
    }
  },
};

export const NarrowedByThePage: Story = {
  args: { components: ['pricing_table'] },
  parameters: { docs: { description: { story: "The page asks only for `pricing_table`; the session enables just that, even though the server's policy allows more." } } },
  play: async ({ canvas }) => {
    await expectStatus(canvas, 'ready');
    expect(canvas.getByTestId('chip-pricing_table')).toHaveAttribute('data-enabled', 'true');
    expect(canvas.getByTestId('chip-payment_element')).toHaveAttribute('data-enabled', 'false');
    expect(canvas.getByTestId('chip-buy_button')).toHaveAttribute('data-enabled', 'false');
  },
};

export const OutsideThePolicy: Story = {
  args: { buyButton: false, components: ['payment_element', 'buy_button'] },
  parameters: { docs: { description: { story: 'The page asks for a component the server does not allow: the endpoint answers 400 and names it.' } } },
  play: async ({ canvas }) => {
    await expectStatus(canvas, 'error');
    // The page's sessions leave in one request (`sessions`): the param names the entry asking for it.
    expect(canvas.getByTestId('error-param')).toHaveTextContent(/^sessions\[\d+\]\[\d+\]$/);
    expect(canvas.getByTestId('error-message')).toHaveTextContent('does not enable buy_button');
  },
};

export const NotEnabled: Story = {
  args: { enabled: false },
  parameters: { docs: { description: { story: '`enabled: false` (say, nobody signed in): nothing is fetched, and every component renders for a guest at once, with no fallback.' } } },
  play: async ({ canvas, loaded }) => {
    const data = storefrontLoaded(loaded);
    await expectStatus(canvas, 'pending');
    await expectPaymentElementAnonymous(canvas, data);
    await expectWebComponentGuest(canvas, 'Pricing table');
    await expectWebComponentGuest(canvas, 'Buy button');
    // A guest page: nobody shown as signed in, and the guest can pay.
    expect(canvas.getByRole('banner')).toHaveTextContent('Not signed in');
    expect(canvas.getByRole('button', { name: 'Pay $48.00' })).toBeEnabled();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(data.backend.calls()).toBe(0);
  },
};

/** The storefront with a Sign out / Sign in button: what an app does with `enabled` when its auth changes. */
function SignInOut({ args, loaded }: { args: StorefrontArgs; loaded: StorefrontLoaded }) {
  const [signedIn, setSignedIn] = useState(true);
  const button = (
    <button className="sf-signout" type="button" onClick={() => setSignedIn(!signedIn)}>
      {signedIn ? 'Sign out' : 'Sign in'}
    </button>
  );
  return <Storefront args={args} loaded={loaded} provider={{ enabled: signedIn }} headerAction={button} />;
}

export const SignOut: Story = {
  name: 'Sign-out and sign-in',
  render: ({ components: _components, enabled: _enabled, ...args }, { loaded }) => <SignInOut args={args} loaded={storefrontLoaded(loaded)} />,
  parameters: {
    docs: {
      description: {
        story:
          '*Sign out* turns the provider\'s `enabled` off, as an app does when its auth says nobody is signed in: every secret shown is dropped at once (and in every other tab of the origin), the web components are re-created for a guest and `<Elements>` is remounted without the customer. *Sign in* fetches new sessions; no secret shown before is shown again.',
      },
    },
  },
  play: async ({ canvas, loaded }) => {
    const data = storefrontLoaded(loaded);
    await expectStatus(canvas, 'ready');
    const before = [
      await expectPaymentElementSecret(canvas, data),
      (await expectWebComponentSecret(canvas, 'Pricing table', data)).getAttribute('customer-session-client-secret'),
      (await expectWebComponentSecret(canvas, 'Buy button', data)).getAttribute('customer-session-client-secret'),
    ];
    await userEvent.click(canvas.getByRole('button', { name: 'Sign out' }));
    await expectStatus(canvas, 'pending');
    expect(canvas.getByRole('banner')).toHaveTextContent('Not signed in');
    expect(canvas.getByLabelText('Client secret: none')).toBeVisible();
    await waitFor(() => expect(canvas.getByRole('group', { name: 'Payment Element (stand-in)' })).toHaveTextContent('Guest checkout: no customer session'));
    expect(data.stripe?.elementsOptions?.customerSessionClientSecret).toBeUndefined();
    await expectWebComponentGuest(canvas, 'Pricing table');
    await expectWebComponentGuest(canvas, 'Buy button');

    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
    await expectStatus(canvas, 'ready');
    const after = [
      await expectPaymentElementSecret(canvas, data),
      (await expectWebComponentSecret(canvas, 'Pricing table', data)).getAttribute('customer-session-client-secret'),
      (await expectWebComponentSecret(canvas, 'Buy button', data)).getAttribute('customer-session-client-secret'),
    ];
    for (const secret of after) expect(before).not.toContain(secret);
  },
};
