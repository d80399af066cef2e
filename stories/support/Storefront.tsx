import type { ComponentProps, ReactNode } from 'react';
import { BuyButton, CustomerSessionProvider, PricingTable, type UseCustomerSessionOptions } from '../../src/index';
import { BACKEND_HEADER } from './backendRegistry';
import { CheckoutCard } from './CheckoutCard';
import type { StorefrontLoaded } from './loadStorefront';
import { storyBuyButtonId, storyPricingTableId, storyPublishableKey } from './realStripe';
import { SessionPanel } from './SessionPanel';
import { Skeleton } from './Skeleton';
import { StoreCard } from './StoreCard';
import type { StorefrontArgs } from './storefrontArgs';
import { StoreHeader } from './StoreHeader';

interface StorefrontProps {
  args: StorefrontArgs;
  loaded: StorefrontLoaded;
  /** Replaces the default components (for a component's own docs page). */
  children?: ReactNode;
  /** What the page asks of the provider, e.g. `components` to narrow the policy or `enabled`. */
  provider?: Pick<UseCustomerSessionOptions, 'components' | 'enabled'>;
  /** Replaces the story's Stripe.js (e.g. a promise that rejects, as when js.stripe.com is blocked). */
  stripe?: ComponentProps<typeof CustomerSessionProvider>['stripe'];
  /** Beside the shopper's name in the header (a sign-out button). */
  headerAction?: ReactNode;
}

/**
 * A small shop page as a storefront would build it: the provider pointed at `/api/customer-session`
 * (answered by this story's emulator-backed handler through MSW), the session panel, and the
 * components the args ask for. Re-keyed on every new backend, so changed controls start afresh.
 */
export function Storefront({ args, loaded, children, provider, stripe: stripeOverride, headerAction }: StorefrontProps) {
  const { backend, backendId } = loaded;
  const stripe = stripeOverride ?? loaded.stripe;
  const [initialSession, ...initialSessions] = loaded.initialSessions ?? [];
  return (
    <CustomerSessionProvider
      {...provider}
      key={backendId}
      endpoint="/api/customer-session"
      requestInit={{ headers: { [BACKEND_HEADER]: backendId } }}
      refreshMarginMs={args.refreshMarginSeconds * 1000}
      initialSession={initialSession}
      initialSessions={loaded.initialSessions ? initialSessions : undefined}
      publishableKey={storyPublishableKey}
      stripe={stripe ?? undefined}
    >
      <StoreHeader signedIn={provider?.enabled !== false} action={headerAction} />
      <SessionPanel backend={backend} />
      <div className="sf-grid">
        {children ?? (
          <>
            {args.showPaymentElement ? <CheckoutCard /> : null}
            {args.showPricingTable ? (
              <StoreCard title="Plans" note="<PricingTable>">
                <PricingTable
                  pricingTableId={storyPricingTableId}
                  clientReferenceId="user_jenny"
                  fallback={<Skeleton label="Loading pricing table" />}
                />
              </StoreCard>
            ) : null}
            {args.showBuyButton ? (
              <StoreCard title="Gift card" note="<BuyButton>">
                <BuyButton buyButtonId={storyBuyButtonId} fallback={<Skeleton label="Loading buy button" />} />
              </StoreCard>
            ) : null}
          </>
        )}
      </div>
    </CustomerSessionProvider>
  );
}
