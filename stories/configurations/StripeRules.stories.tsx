import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type {} from '../../src/react/stripeWebComponentsJsx';
import { createEmulatorStripeClient } from '../../src/testing/createEmulatorStripeClient';
import { createStripeEmulator } from '../../src/testing/emulator/createStripeEmulator';
import type { StripeEmulator } from '../../src/testing/emulator/types';
import { maskClientSecret } from '../../src/testing/maskClientSecret';
import { acceptStripeRuleViolations, webComponent } from '../support/play';
import { realStripe, storyBuyButtonId, storyPricingTableId, storyPublishableKey } from '../support/realStripe';
import { StoreCard } from '../support/StoreCard';

interface Loaded {
  emulator: StripeEmulator;
  secret: string;
}

/**
 * What the stand-ins show when a page breaks Stripe's rules for the client secret: these pages put
 * Stripe's elements in by hand and break one rule each, on purpose. Each stand-in that saw a rule
 * broken shows a "Stripe rule broken" warning with a link to Stripe's page, logs it with
 * `console.error` and lists it in its `violations`. See Docs/Emulator.
 */
const meta = {
  title: 'Scenarios/Broken Stripe rules',
  loaders: [
    async (): Promise<Loaded> => {
      const emulator = createStripeEmulator();
      const customer = emulator.createCustomer({ name: 'Jenny Rosen' }).id;
      const components = { pricing_table: { enabled: true }, buy_button: { enabled: true } };
      const { client_secret: secret } = await createEmulatorStripeClient(emulator).customerSessions.create({ customer, components });
      return { emulator, secret };
    },
  ],
  parameters: { docs: { description: { component: 'Elements put in by hand, each page breaking one of Stripe’s rules on purpose: the stand-ins report it.' } } },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

const loadedOf = (loaded: Record<string, unknown>) => loaded as unknown as Loaded;

export const OneSecretInTwoBuyButtons: Story = {
  name: 'One secret in two buy buttons',
  render: (_args, { loaded }) => (
    <StoreCard title="Gift cards" note="one secret, two <stripe-buy-button>s: single-use">
      {[1, 2].map((n) => (
        <stripe-buy-button key={n} buy-button-id={storyBuyButtonId} publishable-key={storyPublishableKey} customer-session-client-secret={loadedOf(loaded).secret} />
      ))}
    </StoreCard>
  ),
  play: async ({ canvas, loaded }) => {
    if (realStripe) return;
    const [first, second] = await canvas.findAllByRole('group', { name: 'Buy button (stand-in)' });
    expect(within(first!).queryByRole('note', { name: 'Stripe rule broken' })).toBeNull();
    const warning = within(second!).getByRole('note', { name: 'Stripe rule broken' });
    expect(warning).toHaveTextContent(`single-use · ${maskClientSecret(loadedOf(loaded).secret)} was rendered by`);
    expect(within(warning).getByRole('link', { name: 'Stripe docs' })).toHaveAttribute('href', 'https://docs.stripe.com/api/customer_sessions/create');
    acceptStripeRuleViolations(['single-use']);
  },
};

export const CheckoutAfterTheWindow: Story = {
  name: 'A checkout 31 minutes after the render',
  render: (_args, { loaded }) => (
    <StoreCard title="Plans" note="a plan chosen after the 30 minutes that follow the render">
      <stripe-pricing-table pricing-table-id={storyPricingTableId} publishable-key={storyPublishableKey} customer-session-client-secret={loadedOf(loaded).secret} />
    </StoreCard>
  ),
  play: async ({ canvas, loaded }) => {
    if (realStripe) return;
    const table = await webComponent(canvas, 'Pricing table');
    loadedOf(loaded).emulator.clock.advance(31 * 60_000); // the customer comes back from lunch
    await userEvent.click(within(table).getAllByRole('button', { name: 'Subscribe' })[1]!);
    await waitFor(() => expect(within(table).getByRole('note', { name: 'Stripe rule broken' })).toHaveTextContent('use-within-30-minutes-of-render'));
    expect(within(table).getByRole('status')).toHaveTextContent('Checkout would open with no customer');
    expect(within(table).getByRole('link', { name: 'Stripe docs' })).toHaveAttribute('href', 'https://docs.stripe.com/payments/checkout/pricing-table');
    acceptStripeRuleViolations(['use-within-30-minutes-of-render']);
  },
};
