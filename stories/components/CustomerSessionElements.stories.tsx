import type { ArgTypes, Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { CustomerSessionElements } from '../../src/index';
import type { CustomerSessionElementsOptions } from '../../src/react/types';
import { appSource } from '../support/appSource';
import { CheckoutCard } from '../support/CheckoutCard';
import { storefrontLoaded, loadStorefront } from '../support/loadStorefront';
import { expectPaymentElementAnonymous, expectPaymentElementSecret, expectStatus } from '../support/play';
import { Storefront } from '../support/Storefront';
import { defaultStorefrontArgs, storefrontArgTypes, type StorefrontArgs } from '../support/storefrontArgs';

interface Args extends StorefrontArgs {
  options: CustomerSessionElementsOptions;
}

/**
 * `@stripe/react-stripe-js`'s `<Elements>` with the session's `customerSessionClientSecret`, set only
 * when the session enables `payment_element`. Wrap `<PaymentElement />` in it; `options` pass through.
 * Here Stripe.js is a stand-in whose Payment Element shows the customer and the session's features.
 */
const meta = {
  title: 'Components/CustomerSessionElements',
  component: CustomerSessionElements,
  tags: ['autodocs'],
  parameters: appSource(`<CustomerSessionElements options={{ mode: 'payment', amount: 4800, currency: 'usd' }} fallback={<Skeleton />}>
  <PaymentElement />
</CustomerSessionElements>`),
  loaders: [loadStorefront],
  args: {
    ...defaultStorefrontArgs,
    save: 'enabled',
    saveUsage: 'off_session',
    options: { mode: 'payment', amount: 4800, currency: 'usd' },
  },
  argTypes: {
    ...storefrontArgTypes,
    showPaymentElement: { table: { disable: true } },
    showPricingTable: { table: { disable: true } },
    showBuyButton: { table: { disable: true } },
    // The checkout card below passes its own (a skeleton, no banner): no dead "Set object" controls.
    ...({ fallback: { control: false }, errorFallback: { control: false }, children: { control: false } } as ArgTypes),
    options: {
      control: 'object',
      description: "Passed to `<Elements>` untouched (`mode`, `amount`, `currency`, `appearance`, …): `@stripe/stripe-js`'s `StripeElementsOptions` minus `customerSessionClientSecret`, which the component sets. Changes reach `elements.update()`.",
      table: { type: { summary: 'CustomerSessionElementsOptions' } },
    },
  },
  render: ({ options, ...args }, { loaded }) => (
    <Storefront args={args} loaded={storefrontLoaded(loaded)}>
      <CheckoutCard options={options} />
    </Storefront>
  ),
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

export const WithCustomerSession: Story = {
  play: async ({ canvas, loaded }) => {
    const data = storefrontLoaded(loaded);
    await expectStatus(canvas, 'ready');
    await expectPaymentElementSecret(canvas, data);
    expect(data.stripe?.calls.elements).toHaveLength(1);
    expect(data.stripe?.calls.elements[0]).toMatchObject({ mode: 'payment', amount: 4800, currency: 'usd' });
  },
};

export const GuestCheckout: Story = {
  args: { paymentElement: false, pricingTable: true },
  parameters: { docs: { description: { story: 'The session does not enable `payment_element`: `<Elements>` gets no customer secret and guest checkout still works.' } } },
  play: async ({ canvas, loaded }) => {
    await expectStatus(canvas, 'ready');
    await expectPaymentElementAnonymous(canvas, storefrontLoaded(loaded));
  },
};
