import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { BuyButton } from '../../src/index';
import { maskClientSecret } from '../../src/testing/maskClientSecret';
import { storefrontLoaded } from '../support/loadStorefront';
import { expectOwnSession, expectStatus } from '../support/play';
import { storyBuyButtonId } from '../support/realStripe';
import { Skeleton } from '../support/Skeleton';
import { Storefront } from '../support/Storefront';
import type { StorefrontArgs } from '../support/storefrontArgs';
import { storefrontMeta } from '../support/storefrontMeta';

const products = ['Gift card', 'Tote bag', 'Mug', 'Notebook', 'Cap', 'Stickers'];
const count = 24;

/**
 * Stripe's rule is one secret per render of each buy button, so each one costs a Customer Session.
 * They are created as the buttons near the viewport: the grid below shows 6 of its 24 at first, and
 * each scroll mints the row that comes into view, in one endpoint request.
 */
const meta = {
  ...storefrontMeta,
  title: 'Scenarios/Buy button grid',
  args: { ...storefrontMeta.args, paymentElement: false, pricingTable: false, buyButton: true },
  render: (args, { loaded }) => (
    <Storefront args={args} loaded={storefrontLoaded(loaded)}>
      <div data-testid="grid" style={{ position: 'relative', height: 420, overflowY: 'auto', display: 'flex', flexWrap: 'wrap', alignContent: 'flex-start', gap: 12, gridColumn: '1 / -1' }}>
        {Array.from({ length: count }, (_, index) => (
          <div key={index} style={{ flex: '0 0 calc((100% - 24px) / 3)', boxSizing: 'border-box' }}>
            <strong style={{ display: 'block', margin: '4px 0' }}>
              {products[index % products.length]} #{index + 1}
            </strong>
            <BuyButton buyButtonId={storyBuyButtonId} clientReferenceId={`grid_${index}`} fallback={<Skeleton label="Waiting to come into view" />} />
          </div>
        ))}
      </div>
    </Storefront>
  ),
} satisfies Meta<StorefrontArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

const minted = (root: HTMLElement) =>
  [...root.querySelectorAll('stripe-buy-button')].map((element) => element.getAttribute('customer-session-client-secret')).filter((secret): secret is string => secret !== null);

export const ScrollToMint: Story = {
  name: 'Minted as they scroll into view',
  play: async ({ canvas, canvasElement, loaded }) => {
    const data = storefrontLoaded(loaded);
    await expectStatus(canvas, 'ready');
    const grid = canvas.getByTestId('grid');
    // The rows in view (and 200 px ahead) have their secrets; the rest are still waiting.
    await waitFor(() => expect(minted(grid).length).toBeGreaterThan(0));
    const first = minted(grid).length;
    expect(first).toBeLessThan(count);
    // Each scroll brings the next row into view, and only then are its secrets minted.
    for (let before = first; before < count; before = minted(grid).length) {
      // The next button still waiting comes into view (the grid is its offset parent).
      grid.scrollTop = (grid.querySelector<HTMLElement>('[data-customer-session-pending]')?.offsetTop ?? grid.scrollHeight) - 40;
      await waitFor(() => expect(minted(grid).length).toBeGreaterThan(before), { timeout: 3000 });
    }
    await waitFor(() => expect(minted(grid)).toHaveLength(count));
    const secrets = minted(grid);
    expect(new Set(secrets).size).toBe(count);
    for (const secret of secrets) expectOwnSession(data, secret, 'buy_button');
    // Each button shows its own (masked) secret.
    expect(canvasElement).toHaveTextContent(`Customer session ${maskClientSecret(secrets[count - 1]!)}`);
    // Far fewer requests than buttons: one for the provider, then one per scroll that brought buttons near.
    expect(Number(canvas.getByTestId('endpoint-calls').textContent)).toBeLessThan(count / 2);
  },
};
