import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { PricingTable } from '../../src/index';
import { maskClientSecret } from '../../src/core/maskClientSecret';
import { storefrontLoaded, loadStorefront } from '../support/loadStorefront';
import { expectStatus, lastSecret, webComponent } from '../support/play';
import { storyPricingTableId } from '../support/realStripe';
import { Skeleton } from '../support/Skeleton';
import { StoreCard } from '../support/StoreCard';
import { Storefront } from '../support/Storefront';
import { defaultStorefrontArgs, hiddenStorefrontArgTypes, type StorefrontArgs } from '../support/storefrontArgs';

interface Args extends StorefrontArgs {
  pricingTableId: string;
  clientReferenceId?: string;
  /** This page shows the session-backed form; `anonymous` (with `customerEmail`) is for use without a session. */
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
  parameters: {
    docs: {
      // What an app writes; the canvas wraps it in the story's storefront and session panel.
      source: {
        language: 'tsx',
        code: `<CustomerSessionProvider endpoint="/api/customer-session" publishableKey="pk_test_…">
  <PricingTable pricingTableId="prctbl_…" clientReferenceId="user_jenny" fallback={<Skeleton />} />
</CustomerSessionProvider>`,
      },
    },
  },
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
    anonymous: { control: false },
    pricingTable: { name: 'session enables pricing_table', control: 'boolean', table: { category: 'Server policy' } },
    pricingTableId: { control: 'text' },
    clientReferenceId: { control: 'text' },
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
    const secret = lastSecret(data);
    const table = await webComponent(canvas, 'Pricing table');
    expect(table).toHaveTextContent(`Customer session ${maskClientSecret(secret)}`);
    const element = table.closest('stripe-pricing-table');
    expect(element).toHaveAttribute('pricing-table-id', args.pricingTableId);
    expect(element).toHaveAttribute('customer-session-client-secret', secret);
  },
};

export const NotEnabledBySession: Story = {
  args: { pricingTable: false, buyButton: true },
  play: async ({ canvas }) => {
    await expectStatus(canvas, 'ready');
    const table = await webComponent(canvas, 'Pricing table');
    expect(table).toHaveTextContent('Guest: no customer session');
    expect(table.closest('stripe-pricing-table')).not.toHaveAttribute('customer-session-client-secret');
  },
};
