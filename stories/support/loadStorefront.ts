import type { LoaderFunction } from 'storybook/internal/types';
import type { CustomerSession } from '../../src/core/types';
import type { ReactRenderer } from '@storybook/react-vite';
import { createStripeStandIn, type StripeStandIn } from '../../src/testing/createStripeStandIn';
import { registerBackend } from './backendRegistry';
import { createStoryBackend, type StoryBackend } from './createStoryBackend';
import { realStripe } from './realStripe';
import { backendOptionsFromArgs, serverRenderedSessions, type StorefrontArgs } from './storefrontArgs';

/** What `loadStorefront` hands the story's render and play functions through `context.loaded`. */
export interface StorefrontLoaded {
  backend: StoryBackend;
  /** Names the backend in the request header; changes whenever args change, re-keying the provider. */
  backendId: string;
  /** The Stripe.js stand-in, or `null` when real Stripe.js is used (`STORYBOOK_STRIPE_PUBLISHABLE_KEY`). */
  stripe: StripeStandIn | null;
  /** With `serverRendered`: the sessions the page's HTML carries, the provider's first. */
  initialSessions: CustomerSession[] | null;
}

/**
 * Runs before every render, including after a control changes: a fresh emulator and server handler
 * built from the story's args, so the policy on screen is always the one in the controls.
 */
export const loadStorefront: LoaderFunction<ReactRenderer> = async (context) => {
  const args = context.args as StorefrontArgs;
  const backend = createStoryBackend(backendOptionsFromArgs(args));
  const backendId = registerBackend(context.id, (request) => backend.handle(request));
  // Like Stripe.js, the stand-in looks the session up by its secret (in the emulator that created it,
  // on whose clock Stripe's rules are timed), and the customer's saved cards up there too.
  const stripe = realStripe ? null : createStripeStandIn({ emulator: backend.emulator });
  // A policy the server refuses (the invalid-configuration stories) renders as a page whose server
  // render caught the error: no sessions in the HTML, the browser asks the endpoint.
  const initialSessions = args.serverRendered ? await backend.serverRender(serverRenderedSessions(args)).catch(() => null) : null;
  const loaded: StorefrontLoaded = { backend, backendId, stripe, initialSessions };
  return loaded;
};

export function storefrontLoaded(loaded: Record<string, unknown>): StorefrontLoaded {
  return loaded as unknown as StorefrontLoaded;
}
