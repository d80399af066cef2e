import type { Preview } from '@storybook/react-vite';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { defineStripeWebComponentStandIns } from '../src/testing/defineStripeWebComponentStandIns';
import { customerSessionRoute } from '../stories/support/backendRegistry';
import { expectNoStripeRuleViolations, startStripeRuleWatch } from '../stories/support/play';
import { realStripe } from '../stories/support/realStripe';
import { StorefrontFrame } from '../stories/support/StorefrontFrame';
import '../stories/support/storefront.css';

// Offline by default: <stripe-pricing-table> and <stripe-buy-button> render their attributes.
if (!realStripe) defineStripeWebComponentStandIns();

const preview: Preview = {
  loaders: [
    // One worker for the whole run; the customer-session route is an initial handler, so it
    // survives the addon's handler reset between stories.
    mswLoader(async () => {
      const worker = setupWorker(customerSessionRoute);
      await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
      return worker;
    }),
  ],
  // Every story, with or without a play function, ends by asserting the stand-ins saw none of
  // Stripe's rules for the client secret broken while it ran (single-use, 30 minutes to render, 30 after).
  beforeEach: () => startStripeRuleWatch(),
  afterEach: () => expectNoStripeRuleViolations(),
  decorators: [
    (Story, context) => (
      <StorefrontFrame docs={context.viewMode === 'docs'}>
        <Story />
      </StorefrontFrame>
    ),
  ],
  parameters: {
    layout: 'fullscreen',
    // Every story's axe violations fail its test (`npm run test:browser`), so contrast and labels stay fixed.
    a11y: { test: 'error' },
    controls: { expanded: true, sort: 'none' },
    options: { storySort: { order: ['Introduction', 'Docs', 'Components', 'Scenarios', ['Storefront', 'Payment Element features', 'Session states', 'Design system', 'Broken Stripe rules']] } },
  },
};

export default preview;
