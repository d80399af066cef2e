'use client';
import { createElement, forwardRef, useContext, type ForwardedRef, type ReactNode } from 'react';
import type { ComponentName } from '../core/componentNames';
import { settledSecret, useIsClient, useReportError, useShownSecret } from './componentSecret';
import { CustomerSessionContext } from './CustomerSessionProvider';
import { useElementSecret, useNearViewport } from './elementSecret';
import * as ReactDOM from 'react-dom';
import { stripeScriptUrl, useStripeScript, type StripeWebComponentTag } from './stripeScripts';
import type { BuyButtonProps, ComponentSecret, PricingTableProps, StripeWebComponentProps } from './types';
import type {} from './stripeWebComponentsJsx';

// Absent from React 18's react-dom.
const preinit = (ReactDOM as { preinit?: (href: string, options: { as: 'script'; nonce?: string | undefined }) => void }).preinit;

interface Props extends Omit<StripeWebComponentProps, 'anonymous' | 'customerEmail'> {
  tag: StripeWebComponentTag;
  /** The element's id: `pricing-table-id` / `buy-button-id`. */
  elementId: string;
  anonymous?: boolean;
  customerEmail?: string;
  forwardedRef: ForwardedRef<HTMLElement>;
  /** The customer's secret; absent: anonymous. */
  secret?: ComponentSecret;
}

/** Development messages name the component the app wrote (`<PricingTable>`), production ones the tag. */
const named = (tag: StripeWebComponentTag): string => `<${tag.slice(7).replace(/(?:^|-)(\w)/g, (_, letter: string) => letter.toUpperCase())}>`;

/** An element whose secret is its own Customer Session, created as it nears the viewport (or at once: `loading="eager"`). */
function CustomerElement(props: Props): ReactNode {
  const [near, sentinel] = useNearViewport(props.loading === 'eager');
  // Stripe's tags are `stripe-<name>`: the session component is `<name>` in snake case.
  const { secret } = useElementSecret(process.env.NODE_ENV !== 'production' ? named(props.tag) : `<${props.tag}>`, props.tag.slice(7).replace('-', '_') as ComponentName, near);
  // Until it is asked for, a 1 px box the observer watches sits before the fallback (a keyed
  // sibling, so the element below keeps its state when the box goes).
  return [!near && <div key="near" ref={sentinel} style={{ height: 1 }} data-customer-session-pending="" />, <Element key="element" {...props} secret={secret} />];
}

/**
 * Which secret a web component renders. Stripe's elements read their attributes only when they
 * connect, so the element follows its own session: it is re-created whenever that session's secret
 * changes, which is its refresh, `refreshMarginMs` (default 5 minutes) before `expires_at`. A Stripe
 * session lives 30 minutes, so each rendered secret was put in within 30 minutes of its creation and
 * is replaced before its 30 minutes after render are up.
 * - Nothing is rendered until the session settles: no anonymous flash while pending.
 * - While the session is pending again, or its secret expired and a fresh one is on its way, the
 *   rendered element stays (no flicker); it is re-created the moment the fresh secret lands.
 * - Anonymous at once when the provider's session stops enabling the component, is `off`, or the
 *   element's session failed; upgraded as soon as a secret arrives. That one is always new: a session
 *   whose element stopped asking is dropped, and a failed one holds no secret.
 * - A secret the provider dropped (sign-out: a newer `dropGeneration`) goes at once.
 */
function Element(props: Props): ReactNode {
  const { tag, publishableKey, nonce, secret } = props;
  // An anonymous element never asks for a session, but still takes the provider's publishableKey.
  const context = useContext(CustomerSessionContext);
  const key = publishableKey ?? context?.publishableKey;
  // A secret (`sk_`) or restricted (`rk_`) key mixed up in the environment would be in every visitor's
  // HTML: never rendered, and never quoted.
  if (!key || /^[rs]k_/.test(key)) {
    throw new Error(
      process.env.NODE_ENV !== 'production'
        ? key
          ? `${named(tag)} was given a secret or restricted key (sk_…/rk_…) as its publishableKey: it would be served to every visitor. Pass your publishable key (pk_…), and roll the secret key if a page ever served it.`
          : `${named(tag)} needs a publishableKey prop, or publishableKey on <CustomerSessionProvider>.`
        : `<${tag}>: publishableKey`,
    );
  }

  const isClient = useIsClient();
  const scriptError = useStripeScript(tag, nonce);
  // An anonymous element has nothing to wait for.
  const wanted = secret ? settledSecret(secret) : null;
  const [shown] = useShownSecret(isClient ? wanted : undefined, context?.dropGeneration);
  // On the server and while hydrating, the server's state as it is: a customer's secret, or a guest's
  // element where the server knows it is one (provider off, the session not enabling it, `anonymous`);
  // still pending, the fallback, never a guest's element that would then flip to the customer. The
  // browser's own takes over after (a server-rendered secret it does not share, from an initial
  // session found stale, goes at once).
  const rendered = isClient ? shown : wanted;
  useReportError(secret?.error, props.onError);
  useReportError(scriptError, props.onError);

  if (rendered === undefined) return props.fallback;
  if (scriptError) return props.errorFallback;
  // React 19 hoists and de-duplicates the script into the server HTML; React 18 loads it after mount.
  if (typeof window === 'undefined') preinit?.(stripeScriptUrl(tag), { as: 'script', nonce });
  const attributes = {
    [`${tag.slice(7)}-id`]: props.elementId,
    'publishable-key': key,
    'customer-session-client-secret': rendered,
    'client-reference-id': props.clientReferenceId,
    'customer-email': rendered ? undefined : props.customerEmail,
  };
  const element: Record<string, unknown> = {
    ...attributes,
    // Stripe reads attributes only when the element connects: any change re-creates it.
    key: JSON.stringify(attributes),
    ref: props.forwardedRef,
    id: props.id,
    // React 18 copies props onto custom elements verbatim (no className → class); React 19 accepts `class` too.
    class: props.className,
    style: props.style,
  };
  for (const name in props) if (/^(data|aria)-/.test(name)) element[name] = props[name as keyof Props];
  return createElement(tag, element);
}

/**
 * `PricingTable` and `BuyButton`: `tag`, with its id from the `idProp` prop. An anonymous element never
 * asks for a session (`anonymous` is fixed per element, so the hooks stay in order).
 */
function stripeWebComponent<P extends StripeWebComponentProps>(tag: StripeWebComponentTag, idProp: keyof P & string) {
  const component = forwardRef<HTMLElement, P>(function StripeWebComponent(props, ref) {
    const Body = props.anonymous ? Element : CustomerElement;
    const elementId = (props as P)[idProp] as string;
    // Stripe reads these once, as its element connects: new ones make a new element, which must not
    // render the old one's single-use secret. A new mount asks for a session of its own.
    return <Body key={`${elementId} ${props.publishableKey} ${props.clientReferenceId}`} {...(props as StripeWebComponentProps)} tag={tag} elementId={elementId} forwardedRef={ref} />;
  });
  // `stripe-pricing-table` → `PricingTable`, for React's devtools and warnings.
  if (process.env.NODE_ENV !== 'production') component.displayName = named(tag).slice(1, -1);
  return component;
}

/**
 * Stripe's `<stripe-pricing-table>`, with a Customer Session secret of its own when the session enables
 * `pricing_table`. Loads `https://js.stripe.com/v3/pricing-table.js` once per page, on the client only
 * (skipped when the element is already defined, e.g. by `defineStripeWebComponentStandIns()`).
 * Renders `fallback` while the session is pending; on the server, the element itself when the
 * secret is known there (an `initialSession`) or it is a guest's (provider off, session not enabling it,
 * `anonymous`), else `fallback`; `errorFallback` when the script fails.
 * The element follows its own session: it is re-created whenever that session's secret changes (its
 * refresh, `refreshMarginMs` before expiry, well within the rendered secret's 30 minutes after render),
 * never with a secret it already rendered; a secret the provider drops (sign-out) goes at once. A new
 * `pricingTableId`, `publishableKey` or `clientReferenceId` makes a new element, with a session of its own.
 * `ref`, `id`, `className`, `style`, `data-*` and `aria-*` reach the custom element.
 */
export const PricingTable = /* @__PURE__ */ stripeWebComponent<PricingTableProps>('stripe-pricing-table', 'pricingTableId');

/**
 * Stripe's `<stripe-buy-button>`, with a Customer Session secret of its own when the session enables
 * `buy_button`. Same loading, gating and rotation as `PricingTable`
 * (script `https://js.stripe.com/v3/buy-button.js`).
 */
export const BuyButton = /* @__PURE__ */ stripeWebComponent<BuyButtonProps>('stripe-buy-button', 'buyButtonId');
