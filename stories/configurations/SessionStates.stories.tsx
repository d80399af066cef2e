import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { storefrontLoaded } from '../support/loadStorefront';
import { expectPaymentElementAnonymous, expectPaymentElementSecret, expectStatus } from '../support/play';
import type { StorefrontArgs } from '../support/storefrontArgs';
import { storefrontMeta } from '../support/storefrontMeta';

/**
 * The session's life on the page: pending, the endpoint failing three ways, expiry and refresh on a
 * short emulator session lifetime, and policies the server rejects (the param is named on screen).
 */
const meta = {
  ...storefrontMeta,
  title: 'Scenarios/Session states',
  args: { ...storefrontMeta.args, pricingTable: true, showPricingTable: true },
} satisfies Meta<StorefrontArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Pending: Story = {
  args: { endpointBehaviour: 'pending' },
  parameters: { docs: { description: { story: 'The endpoint has not answered: each component shows its `fallback`, never an anonymous element that would then flip.' } } },
  play: async ({ canvas, loaded }) => {
    const data = storefrontLoaded(loaded);
    await expectStatus(canvas, 'pending');
    await waitFor(() => expect(canvas.getByTestId('endpoint-calls')).toHaveTextContent('1'));
    expect(canvas.getByRole('progressbar', { name: 'Loading payment form' })).toBeVisible();
    expect(canvas.getByRole('progressbar', { name: 'Loading pricing table' })).toBeVisible();
    expect(canvas.queryByRole('group', { name: 'Payment Element (stand-in)' })).toBeNull();
    expect(canvas.queryByRole('group', { name: 'Pricing table (stand-in)' })).toBeNull();
    expect(data.stripe?.calls.elements).toHaveLength(0);
    expect(canvas.getByLabelText('Client secret: none')).toBeVisible();
  },
};

export const ServerError: Story = {
  name: 'Endpoint error: 500',
  args: { endpointBehaviour: 'server-error' },
  parameters: { docs: { description: { story: "The app's own auth lookup throws; the handler answers a generic 500. The client retries 3 times (1 s, 2 s, 4 s), then reports the error and renders the components anonymously." } } },
  play: async ({ canvas, loaded }) => {
    const data = storefrontLoaded(loaded);
    await expectStatus(canvas, 'error', 15_000);
    expect(canvas.getByTestId('endpoint-calls')).toHaveTextContent('4');
    expect(canvas.getByRole('alert')).toHaveTextContent('Endpoint answered 500 · api_error');
    expect(canvas.getByTestId('error-message')).toHaveTextContent('An unexpected error occurred while creating the Customer Session.');
    await expectPaymentElementAnonymous(canvas, data);
  },
};

export const StripeErrorBody: Story = {
  name: 'Endpoint error: Stripe error body',
  args: { endpointBehaviour: 'stripe-error' },
  parameters: { docs: { description: { story: 'The signed-in user points at a customer Stripe does not know. The handler passes on Stripe\'s 400 with its `param`; a 4xx is not retried.' } } },
  play: async ({ canvas, loaded }) => {
    const data = storefrontLoaded(loaded);
    await expectStatus(canvas, 'error');
    expect(canvas.getByRole('alert')).toHaveTextContent('Endpoint answered 400 · invalid_request_error');
    expect(canvas.getByTestId('error-param')).toHaveTextContent(/^customer$/);
    expect(canvas.getByTestId('error-message')).toHaveTextContent('No such customer');
    expect(canvas.getByTestId('endpoint-calls')).toHaveTextContent('1');
    await expectPaymentElementAnonymous(canvas, data);
  },
};

export const HtmlPage: Story = {
  name: 'Endpoint error: HTML page',
  args: { endpointBehaviour: 'html-page' },
  parameters: { docs: { description: { story: "A wrong path falls through to the app's `index.html` with status 200. The client refuses it as an invalid response instead of parsing HTML." } } },
  play: async ({ canvas, loaded }) => {
    const data = storefrontLoaded(loaded);
    await expectStatus(canvas, 'error');
    expect(canvas.getByRole('alert')).toHaveTextContent('Session error (invalid_response)');
    expect(canvas.getByTestId('endpoint-calls')).toHaveTextContent('1');
    await expectPaymentElementAnonymous(canvas, data);
  },
};

export const ExpiryAndRefresh: Story = {
  name: 'Expiry and refresh (6 s sessions)',
  args: { sessionTtlSeconds: 6, refreshMarginSeconds: 2 },
  parameters: { docs: { description: { story: 'The emulator hands out 6-second sessions; `refreshMarginMs` is 2 s. A new secret arrives before each expiry and reaches the mounted Payment Element through `elements.update()`, without remounting it.' } } },
  play: async ({ canvas, loaded }) => {
    const data = storefrontLoaded(loaded);
    await expectStatus(canvas, 'ready');
    const first = await expectPaymentElementSecret(canvas, data);
    // The Payment Element's own session is refreshed before it expires: a new secret, never rendered, in place.
    await waitFor(() => expect(data.stripe?.elementsOptions?.customerSessionClientSecret).not.toBe(first), { timeout: 10_000 });
    const second = await expectPaymentElementSecret(canvas, data);
    expect(data.stripe?.calls.elements).toHaveLength(1);
    expect(data.stripe?.calls.update.map((options) => options.customerSessionClientSecret)).toContain(second);
  },
};

export const ExpiredUntilRefreshLands: Story = {
  name: 'Expired until the refresh lands',
  // The client counts the request's latency and a second of `created` rounding against each session's
  // lifetime (it errs early), so a session must outlive its own delivery by more than that.
  args: { sessionTtlSeconds: 6, refreshMarginSeconds: 0, refreshDelayMs: 2000 },
  parameters: { docs: { description: { story: 'No refresh margin and a slow endpoint: the secret expires before the new one arrives. Meanwhile `status` is `expired` and `clientSecret` is `null`; the secret is never used past `expires_at`.' } } },
  play: async ({ canvas }) => {
    await expectStatus(canvas, 'ready');
    // The panel shows the provider's own session (the one `useCustomerSessionContext()` reads).
    const shown = () => canvas.getByLabelText(/^Client secret: /).getAttribute('aria-label');
    const first = shown();
    expect(first).toMatch(/^Client secret: cuss_secret_/);
    await expectStatus(canvas, 'expired', 8000);
    expect(canvas.getByLabelText('Client secret: none')).toBeVisible();
    await expectStatus(canvas, 'ready', 8000);
    expect(shown()).toMatch(/^Client secret: cuss_secret_/);
    expect(shown()).not.toBe(first);
  },
};

const limitParam = 'components[payment_element][features][payment_method_redisplay_limit]';
const usageParam = 'components[payment_element][features][payment_method_save_usage]';

export const InvalidRedisplayLimit: Story = {
  name: 'Invalid configuration: redisplay limit 11',
  args: { redisplayLimit: 11 },
  parameters: { docs: { description: { story: 'Stripe accepts 1 to 10. `createCustomerSessionHandler` refuses the policy at startup; sent to Stripe anyway, the request fails with the param named.' } } },
  play: async ({ canvas }) => {
    await expectStatus(canvas, 'error');
    expect(canvas.getByTestId('error-param')).toHaveTextContent(limitParam);
    expect(canvas.getByTestId('error-message')).toHaveTextContent('less than or equal to 10');
    expect(canvas.getByTestId('startup-error')).toHaveTextContent(limitParam);
  },
};

export const InvalidSaveUsage: Story = {
  name: 'Invalid configuration: save without usage',
  args: { save: 'enabled', saveUsage: 'unset' },
  play: async ({ canvas }) => {
    await expectStatus(canvas, 'error');
    expect(canvas.getByTestId('error-param')).toHaveTextContent(usageParam);
    expect(canvas.getByTestId('error-message')).toHaveTextContent('Missing required param');
    expect(canvas.getByTestId('startup-error')).toHaveTextContent(usageParam);
  },
};

export const NoComponentEnabled: Story = {
  name: 'Invalid configuration: no component enabled',
  args: { paymentElement: false, pricingTable: false, buyButton: false, showBuyButton: true },
  play: async ({ canvas }) => {
    await expectStatus(canvas, 'error');
    expect(canvas.getByTestId('error-param')).toHaveTextContent(/^components$/);
    expect(canvas.getByTestId('error-message')).toHaveTextContent('At least 1 component must be enabled');
  },
};
