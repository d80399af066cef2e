import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { BuyButton } from '../../src/index';
import { appSource } from '../support/appSource';
import { storefrontLoaded, loadStorefront } from '../support/loadStorefront';
import { expectStatus, expectWebComponentGuest, expectWebComponentSecret } from '../support/play';
import { storyBuyButtonId, storyPublishableKey } from '../support/realStripe';
import { Skeleton } from '../support/Skeleton';
import { StoreCard } from '../support/StoreCard';
import { Storefront } from '../support/Storefront';
import { defaultStorefrontArgs, hiddenStorefrontArgTypes, type StorefrontArgs } from '../support/storefrontArgs';
import { webComponentArgTypes } from '../support/webComponentArgTypes';

interface Args extends StorefrontArgs {
  buyButtonId: string;
  clientReferenceId?: string;
  /** This page shows the session-backed form; `anonymous` (with `customerEmail`) is for use without a session. */
  anonymous?: false;
}

/**
 * Stripe's `<stripe-buy-button>` with the customer's session secret, when the session enables
 * `buy_button`. Here Stripe's element is a stand-in that shows the attributes it was given.
 */
const meta = {
  title: 'Components/BuyButton',
  component: BuyButton,
  tags: ['autodocs'],
  parameters: appSource('<BuyButton buyButtonId="buy_btn_…" clientReferenceId="order_1042" fallback={<Skeleton />} />'),
  loaders: [loadStorefront],
  args: {
    ...defaultStorefrontArgs,
    paymentElement: false,
    buyButton: true,
    buyButtonId: storyBuyButtonId,
    clientReferenceId: 'order_1042',
  },
  argTypes: {
    ...hiddenStorefrontArgTypes,
    ...webComponentArgTypes,
    buyButton: { name: 'session enables buy_button', control: 'boolean', table: { category: 'Server policy' } },
    buyButtonId: { control: 'text', description: '`buy-button-id`, from the Dashboard. A new one makes a new element, with a session of its own.', table: { type: { summary: 'string' } } },
  },
  render: ({ buyButtonId, clientReferenceId, ...args }, { loaded }) => (
    <Storefront args={args} loaded={storefrontLoaded(loaded)}>
      <StoreCard title="Gift card" note="<BuyButton>">
        <BuyButton buyButtonId={buyButtonId} clientReferenceId={clientReferenceId} fallback={<Skeleton label="Loading buy button" />} />
      </StoreCard>
    </Storefront>
  ),
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

export const WithCustomerSession: Story = {
  play: async ({ canvas, loaded, args }) => {
    const data = storefrontLoaded(loaded);
    await expectStatus(canvas, 'ready');
    const element = await expectWebComponentSecret(canvas, 'Buy button', data);
    expect(element).toHaveAttribute('buy-button-id', args.buyButtonId);
    expect(element).toHaveAttribute('publishable-key', storyPublishableKey);
    expect(element).toHaveAttribute('client-reference-id', 'order_1042');
  },
};

export const NotEnabledBySession: Story = {
  args: { buyButton: false, pricingTable: true },
  play: async ({ canvas }) => {
    await expectStatus(canvas, 'ready');
    await expectWebComponentGuest(canvas, 'Buy button');
  },
};
