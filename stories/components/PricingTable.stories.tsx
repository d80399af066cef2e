import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { PricingTable } from '../../src/index';
import { appSource } from '../support/appSource';
import { storefrontLoaded, loadStorefront } from '../support/loadStorefront';
import { expectStatus, expectWebComponentGuest, expectWebComponentSecret, webComponent } from '../support/play';
import { storyPricingTableId, storyPublishableKey } from '../support/realStripe';
import { Skeleton } from '../support/Skeleton';
import { StoreCard } from '../support/StoreCard';
import { Storefront } from '../support/Storefront';
import { defaultStorefrontArgs, hiddenStorefrontArgTypes, type StorefrontArgs } from '../support/storefrontArgs';
import { webComponentArgTypes } from '../support/webComponentArgTypes';

interface Args extends StorefrontArgs {
  pricingTableId: string;
  clientReferenceId?: string;
  /** The controls drive the session-backed form; the `AnonymousWithEmail` story shows `anonymous` with `customerEmail`. */
  anonymous?: false;
}

/**
 * Stripe's `<stripe-pricing-table>` with the customer's session secret, when the session enables
 * `pricing_table`. Here Stripe's element is a stand-in that shows the attributes it was given.
 */
const meta = {
  title: 'Components/PricingTable',
  component: PricingTable,
  tags: ['autodocs'],
  parameters: appSource('<PricingTable pricingTableId="prctbl_…" clientReferenceId="user_jenny" fallback={<Skeleton />} />'),
  loaders: [loadStorefront],
  args: {
    ...defaultStorefrontArgs,
    paymentElement: false,
    pricingTable: true,
    pricingTableId: storyPricingTableId,
    clientReferenceId: 'user_jenny',
  },
  argTypes: {
    ...hiddenStorefrontArgTypes,
    ...webComponentArgTypes,
    pricingTable: { name: 'session enables pricing_table', control: 'boolean', table: { category: 'Server policy' } },
    pricingTableId: { control: 'text', description: '`pricing-table-id`, from the Dashboard. A new one makes a new element, with a session of its own.', table: { type: { summary: 'string' } } },
  },
  render: ({ pricingTableId, clientReferenceId, ...args }, { loaded }) => (
    <Storefront args={args} loaded={storefrontLoaded(loaded)}>
      <StoreCard title="Plans" note="<PricingTable>">
        <PricingTable
          pricingTableId={pricingTableId}
          clientReferenceId={clientReferenceId}
          fallback={<Skeleton label="Loading pricing table" />}
        />
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
    const element = await expectWebComponentSecret(canvas, 'Pricing table', data);
    expect(element).toHaveAttribute('pricing-table-id', args.pricingTableId);
  },
};

export const NotEnabledBySession: Story = {
  args: { pricingTable: false, buyButton: true },
  play: async ({ canvas }) => {
    await expectStatus(canvas, 'ready');
    await expectWebComponentGuest(canvas, 'Pricing table');
  },
};

export const AnonymousWithEmail: Story = {
  name: 'Anonymous, with customerEmail (no provider)',
  parameters: {
    ...appSource('<PricingTable anonymous customerEmail="jenny.rosen@example.com" pricingTableId="prctbl_…" publishableKey="pk_test_…" />'),
    docs: {
      description: {
        story:
          '`anonymous` never injects a customer secret and needs no provider (give it `publishableKey`); `customerEmail` prefills the email at checkout, which Stripe allows only without a session. No session is requested.',
      },
    },
  },
  render: ({ pricingTableId }) => (
    <div className="sf-grid">
      <StoreCard title="Plans" note="<PricingTable anonymous>">
        <PricingTable anonymous customerEmail="jenny.rosen@example.com" pricingTableId={pricingTableId} publishableKey={storyPublishableKey} />
      </StoreCard>
    </div>
  ),
  play: async ({ canvas, loaded }) => {
    await expectWebComponentGuest(canvas, 'Pricing table');
    const element = (await webComponent(canvas, 'Pricing table')).closest('stripe-pricing-table');
    expect(element).toHaveAttribute('customer-email', 'jenny.rosen@example.com');
    expect(element).toHaveAttribute('publishable-key', storyPublishableKey);
    expect(canvas.getByText('Guest: no customer session · jenny.rosen@example.com')).toBeVisible();
    expect(storefrontLoaded(loaded).backend.calls()).toBe(0);
  },
};
