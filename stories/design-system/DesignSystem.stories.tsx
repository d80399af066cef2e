import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { loadStorefront, storefrontLoaded } from '../support/loadStorefront';
import { expectStatus, expectWebComponentSecret, paymentElement } from '../support/play';
import { storyBuyButtonId, storyPricingTableId } from '../support/realStripe';
import { Storefront } from '../support/Storefront';
import { defaultStorefrontArgs, storefrontArgTypes, type StorefrontArgs } from '../support/storefrontArgs';
import { AcmeBuyButton, AcmePanel, AcmePaymentForm, AcmePricingTable, AcmeRoot } from './Acme';
import { acmeTokens } from './tokens';

// Created once and marked handled: the provider's Stripe.js promise, as when js.stripe.com is blocked.
const blockedStripe = Promise.reject(new Error('js.stripe.com is blocked'));
blockedStripe.catch(() => {});

interface Args extends StorefrontArgs {
  /** Stripe.js cannot be loaded (blocked by an extension or the network): the error banner shows. */
  stripeUnavailable: boolean;
}

/**
 * The three components wrapped in "Acme UI", a small in-repo design system: its tokens become the
 * Elements `appearance`, its classes sit on `<stripe-pricing-table>` / `<stripe-buy-button>`, its
 * skeleton is every `fallback` and its error banner every `errorFallback`. See Docs / Design systems.
 */
const meta = {
  title: 'Scenarios/Design system',
  loaders: [loadStorefront],
  args: { ...defaultStorefrontArgs, pricingTable: true, buyButton: true, save: 'enabled', saveUsage: 'off_session', stripeUnavailable: false },
  argTypes: { ...storefrontArgTypes, stripeUnavailable: { name: 'Stripe.js unavailable', control: 'boolean', table: { category: 'Page' } } },
  render: ({ stripeUnavailable, ...args }, { loaded }) => (
    <Storefront
      args={args}
      loaded={storefrontLoaded(loaded)}
      stripe={stripeUnavailable ? blockedStripe : undefined}
    >
      <AcmeRoot>
        <div className="acme-grid">
          <AcmePanel title="Pay with Acme">
            <AcmePaymentForm>
              <button className="acme-button" type="button">
                Pay $48.00
              </button>
            </AcmePaymentForm>
          </AcmePanel>
          <div className="acme-grid" style={{ gridTemplateColumns: '1fr' }}>
            <AcmePanel title="Acme plans">
              <AcmePricingTable pricingTableId={storyPricingTableId} />
            </AcmePanel>
            <AcmePanel title="Acme gift card">
              <AcmeBuyButton buyButtonId={storyBuyButtonId} />
            </AcmePanel>
          </div>
        </div>
      </AcmeRoot>
    </Storefront>
  ),
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Wrapped: Story = {
  name: 'Wrapped in a design system',
  play: async ({ canvas, loaded }) => {
    const data = storefrontLoaded(loaded);
    await expectStatus(canvas, 'ready');
    // Tokens → appearance: what Stripe.js received, and what the customer sees in the payment form.
    await waitFor(() => expect(data.stripe?.calls.elements[0]?.appearance?.variables).toBeDefined());
    expect(data.stripe?.calls.elements[0]?.appearance?.variables).toMatchObject({ colorPrimary: acmeTokens.color.primary, borderRadius: acmeTokens.radius });
    const form = await paymentElement(canvas);
    await waitFor(() => expect(within(form).getByRole('list', { name: 'Saved payment methods' })).toBeVisible());
    expect(within(form).getByRole('checkbox', { name: 'Save payment details for future purchases' })).toBeVisible();
    // The design system's classes on Stripe's web components, which still carry the customer.
    for (const [title, tag] of [['Pricing table', 'stripe-pricing-table'], ['Buy button', 'stripe-buy-button']] as const) {
      const group = await canvas.findByRole('group', { name: `${title} (stand-in)` });
      const element = group.closest(tag);
      expect(element).toHaveClass('acme-stripe-embed');
      expect(await expectWebComponentSecret(canvas, title, data)).toBe(element);
      expect(within(group).getByText('Signed in')).toBeVisible();
    }
    expect(canvas.getByRole('group', { name: 'Pro plan' })).toBeVisible();
  },
};

export const Loading: Story = {
  name: 'Loading: the design system skeleton',
  args: { endpointBehaviour: 'pending' },
  play: async ({ canvas }) => {
    await expectStatus(canvas, 'pending');
    for (const name of ['Loading payment form', 'Loading plans', 'Loading buy button']) {
      expect(canvas.getByRole('progressbar', { name })).toHaveClass('acme-skeleton');
    }
    expect(canvas.queryByRole('group', { name: 'Payment Element (stand-in)' })).toBeNull();
  },
};

export const StripeUnavailable: Story = {
  name: 'Stripe.js unavailable: the design system error banner',
  args: { stripeUnavailable: true },
  play: async ({ canvas }) => {
    await expectStatus(canvas, 'ready');
    const banner = await canvas.findByRole('alert');
    expect(banner).toHaveTextContent('Card payment is unavailable right now');
    expect(banner).toHaveClass('acme-banner--error');
    expect(canvas.queryByRole('group', { name: 'Payment Element (stand-in)' })).toBeNull();
    // The web components do not need Stripe.js: they still render for the customer.
    expect(await canvas.findByRole('group', { name: 'Pricing table (stand-in)' })).toBeVisible();
  },
};
