import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { useComponentSecret } from '../../src/index';
import { maskClientSecret } from '../../src/testing/maskClientSecret';
import { storefrontLoaded } from '../support/loadStorefront';
import {
  expectPaymentElementAnonymous,
  expectPaymentElementSecret,
  expectStatus,
  expectWebComponentGuest,
  expectSaveCheckbox,
  expectWebComponentSecret,
  removeButtons,
  savedCardsShown,
  webComponent,
} from '../support/play';
import { storyBuyButtonId, storyPricingTableId, storyPublishableKey } from '../support/realStripe';
import { Skeleton } from '../support/Skeleton';
import { StoreCard } from '../support/StoreCard';
import { Storefront } from '../support/Storefront';
import type { StorefrontArgs } from '../support/storefrontArgs';
import { storefrontMeta } from '../support/storefrontMeta';

/**
 * `components.pricing_table` and `components.buy_button`, alone and together with the Payment Element,
 * and a page that renders a component its session does not enable.
 */
const meta = {
  ...storefrontMeta,
  title: 'Scenarios/Storefront',
} satisfies Meta<StorefrontArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

const webOnly = { paymentElement: false, showPaymentElement: false } satisfies Partial<StorefrontArgs>;

export const PricingTableOnly: Story = {
  name: 'Pricing table',
  args: { ...webOnly, pricingTable: true, showPricingTable: true },
  play: async ({ canvas, loaded }) => {
    const data = storefrontLoaded(loaded);
    await expectStatus(canvas, 'ready');
    const element = await expectWebComponentSecret(canvas, 'Pricing table', data);
    expect(element).toHaveAttribute('pricing-table-id', storyPricingTableId);
    expect(element).toHaveAttribute('publishable-key', storyPublishableKey);
    expect(element).toHaveAttribute('client-reference-id', 'user_jenny');
    expect(element).not.toHaveAttribute('customer-email');
  },
};

export const BuyButtonOnly: Story = {
  name: 'Buy button',
  args: { ...webOnly, buyButton: true, showBuyButton: true },
  play: async ({ canvas, loaded }) => {
    const data = storefrontLoaded(loaded);
    await expectStatus(canvas, 'ready');
    const element = await expectWebComponentSecret(canvas, 'Buy button', data);
    expect(element).toHaveAttribute('buy-button-id', storyBuyButtonId);
    expect(element).toHaveAttribute('publishable-key', storyPublishableKey);
  },
};

export const AllThree: Story = {
  name: 'All three together',
  args: {
    pricingTable: true,
    buyButton: true,
    showPricingTable: true,
    showBuyButton: true,
    save: 'enabled',
    saveUsage: 'off_session',
    remove: 'enabled',
  },
  play: async ({ canvas, loaded }) => {
    const data = storefrontLoaded(loaded);
    await expectStatus(canvas, 'ready');
    // One endpoint call, and three different secrets: Stripe's secrets are single-use, one per
    // render of each element, each session enabling its own component alone.
    const secrets = [
      await expectPaymentElementSecret(canvas, data),
      (await expectWebComponentSecret(canvas, 'Pricing table', data)).getAttribute('customer-session-client-secret'),
      (await expectWebComponentSecret(canvas, 'Buy button', data)).getAttribute('customer-session-client-secret'),
    ];
    expect(new Set(secrets).size).toBe(3);
    // Two endpoint calls: the provider's session (the page names no components, so the elements wait
    // to learn which ones it enables), then the three elements' sessions together.
    expect(canvas.getByTestId('endpoint-calls')).toHaveTextContent('2');
    for (const name of ['payment_element', 'pricing_table', 'buy_button']) {
      expect(canvas.getByTestId(`chip-${name}`)).toHaveAttribute('data-enabled', 'true');
    }
    // What Jenny sees: her 3 newest saved cards, each removable, the save checkbox, and herself signed in.
    expect(await savedCardsShown(canvas)).toHaveLength(3);
    expect(await removeButtons(canvas)).toHaveLength(3);
    await expectSaveCheckbox(canvas, 'off_session');
    for (const title of ['Pricing table', 'Buy button'] as const) {
      expect(within(await webComponent(canvas, title)).getByText('Signed in')).toBeVisible();
    }
  },
};

export const DisabledBySession: Story = {
  name: 'Payment Element not enabled by the session',
  args: { paymentElement: false, pricingTable: true, showPricingTable: true, buyButton: false, showBuyButton: true },
  parameters: {
    docs: {
      description: {
        story:
          'The server policy enables only the pricing table. The page still renders the Payment Element and the buy button: they get no customer secret and work as guest checkout.',
      },
    },
  },
  play: async ({ canvas, loaded }) => {
    const data = storefrontLoaded(loaded);
    await expectStatus(canvas, 'ready');
    expect(canvas.getByTestId('chip-payment_element')).toHaveAttribute('data-enabled', 'false');
    await waitFor(() => expectPaymentElementAnonymous(canvas, data));
    await expectWebComponentGuest(canvas, 'Buy button');
    await expectWebComponentSecret(canvas, 'Pricing table', data);
  },
};

export const ServerRendered: Story = {
  name: 'Server-rendered: initialSession and initialSessions',
  args: { pricingTable: true, buyButton: true, showPricingTable: true, showBuyButton: true, serverRendered: true },
  parameters: {
    docs: {
      description: {
        story:
          "The page's server render created four sessions with `createCustomerSessions` (the provider's, then one per element) and passed them as `initialSession` and `initialSessions`: every element shows the customer on its first render with a secret of its own, and the endpoint is not called. Its refresh, before expiry, goes through the endpoint. Sessions are timed from the page's navigation start, so in a Storybook tab open for more than 25 minutes they count as due and the elements ask the endpoint instead.",
      },
    },
  },
  play: async ({ canvas, loaded }) => {
    const data = storefrontLoaded(loaded);
    const [state, ...elements] = data.initialSessions ?? [];
    expect(elements).toHaveLength(3);
    await expectStatus(canvas, 'ready');
    expect(canvas.getByLabelText(/^Client secret: /)).toHaveAttribute('aria-label', `Client secret: ${maskClientSecret(state!.client_secret)}`);
    const secrets = [
      await expectPaymentElementSecret(canvas, data),
      (await expectWebComponentSecret(canvas, 'Pricing table', data)).getAttribute('customer-session-client-secret'),
      (await expectWebComponentSecret(canvas, 'Buy button', data)).getAttribute('customer-session-client-secret'),
    ];
    // Each element rendered the server-rendered session for its component, in the order they were created.
    expect(secrets).toEqual(elements.map((session) => session.client_secret));
    expect(await savedCardsShown(canvas)).toHaveLength(3);
    expect(data.backend.calls()).toBe(0);
    expect(canvas.getByTestId('endpoint-calls')).toHaveTextContent('0');
  },
};

/**
 * Stripe's pricing table rendered by hand, as a team with its own wrapper would: `useComponentSecret`
 * gives this mount a session of its own, and a new secret (its refresh) makes a new element (the `key`),
 * since Stripe's element reads its attributes once, when it connects.
 */
function OwnPricingTable() {
  const { clientSecret, status } = useComponentSecret('pricing_table');
  if (status === 'pending') return <Skeleton label="Loading pricing table" />;
  return (
    <>
      <p className="sf-footnote" data-testid="component-secret-status">
        useComponentSecret: {status}
      </p>
      <stripe-pricing-table
        key={clientSecret ?? 'guest'}
        pricing-table-id={storyPricingTableId}
        publishable-key={storyPublishableKey}
        {...(clientSecret ? { 'customer-session-client-secret': clientSecret } : {})}
      />
    </>
  );
}

export const OwnElement: Story = {
  name: 'Rendering an element yourself: useComponentSecret',
  args: { ...webOnly, pricingTable: true },
  render: (args, { loaded }) => (
    <Storefront args={args} loaded={storefrontLoaded(loaded)}>
      <StoreCard title="Plans" note="useComponentSecret('pricing_table')">
        <OwnPricingTable />
      </StoreCard>
    </Storefront>
  ),
  parameters: {
    docs: {
      description: {
        story:
          "For a wrapper of your own: `useComponentSecret('pricing_table')` returns `{ clientSecret, status, error }` for a session of this mount's own. Put `clientSecret` into one element, once, and make a new element when it changes. Loading Stripe's script (`https://js.stripe.com/v3/pricing-table.js`) is then yours too.",
      },
    },
  },
  play: async ({ canvas, loaded }) => {
    const data = storefrontLoaded(loaded);
    await expectStatus(canvas, 'ready');
    await waitFor(() => expect(canvas.getByTestId('component-secret-status')).toHaveTextContent('useComponentSecret: ready'));
    const secret = (await expectWebComponentSecret(canvas, 'Pricing table', data)).getAttribute('customer-session-client-secret');
    // Its own session, not the provider's (the panel's).
    expect(canvas.getByLabelText(/^Client secret: /)).not.toHaveAttribute('aria-label', `Client secret: ${maskClientSecret(secret!)}`);
  },
};
