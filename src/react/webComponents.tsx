'use client';
import { createElement, forwardRef, useCallback, useContext, useEffect, useRef, useState, type ForwardedRef, type ReactNode } from 'react';
import type { ComponentName } from '../core/componentNames';
import { settledSecret, useIsClient, useReportError, useWarnIfDisabled } from './componentSecret';
import { CustomerSessionContext, type CustomerSessionContextValue } from './CustomerSessionProvider';
import { useElementSecret, useNearViewport } from './elementSecret';
import * as ReactDOM from 'react-dom';
import { stripeScriptUrls, useStripeScript, type StripeWebComponentTag } from './stripeScripts';
import type { BuyButtonProps, ComponentSecret, PricingTableProps, StripeWebComponentProps } from './types';
import type {} from './stripeWebComponentsJsx';
import { dev } from '../core/errors';

/** Stripe: a secret put into a web component before the session expires works for 30 minutes after render. */
const RENDERED_SECRET_LIFETIME_MS = 30 * 60_000;
// Absent from React 18's react-dom.
const preinit = (ReactDOM as { preinit?: (href: string, options: { as: 'script'; nonce?: string }) => void }).preinit;
/** Re-create the element this long before the rendered secret's window closes. */
const ROTATE_BEFORE_MS = 60_000;

/** What a web component renders: its secret (`null` = anonymous), a key for the element, the drop generation it was taken under. */
interface RenderedSecret {
  clientSecret: string | null;
  generation: number;
  drops: number;
  /** Taken from the server's state (server rendering, hydration): checked against the browser's own once hydrated. */
  fromServer?: boolean;
}

/**
 * Rotation policy for web components, which read their attributes only when they connect.
 * - Nothing is rendered until the session settles (`null`): no anonymous flash while pending.
 * - A rendered secret is kept, even after the session rotates or expires, until its 30-minute
 *   window is about to close; then the element is re-created once with the freshest secret
 *   (anonymous if the session now disables the component or failed; if the secret is
 *   momentarily expired, the moment a fresh one lands). The table never flickers in between.
 * - A secret the provider dropped (sign-out: a newer `dropGeneration`, or `off`) goes at once.
 * - An anonymous element (session failed, or dropped) upgrades to the customer's secret as soon as one arrives.
 */
function useRotatingSecret(secret: ComponentSecret, dropGeneration: number, isClient: boolean, renew: () => void): RenderedSecret | null {
  const [rendered, setRendered] = useState<RenderedSecret | null>(null);
  const [dueGeneration, setDueGeneration] = useState(-1);
  const wanted = settledSecret(secret);
  let next = rendered;
  // A server-rendered secret the browser does not share (an initial session found stale) goes at once.
  if (isClient && next?.fromServer) {
    if (next.clientSecret === secret.clientSecret) next = { ...next, fromServer: false };
    else next = wanted === undefined ? null : { clientSecret: wanted, generation: next.generation + 1, drops: dropGeneration };
  }
  const dropped = secret.status === 'off' || (next !== null && next.drops !== dropGeneration);
  if (dropped && next?.clientSecret != null) next = { clientSecret: null, generation: next.generation + 1, drops: dropGeneration };
  else if (wanted !== undefined) {
    if (next === null) next = { clientSecret: wanted, generation: 0, drops: dropGeneration, fromServer: !isClient };
    // Due: re-created with a secret never rendered (never the one it has), else anonymously.
    else if ((next.clientSecret === null && wanted !== null) || (dueGeneration === next.generation && wanted !== next.clientSecret)) {
      next = { clientSecret: wanted, generation: next.generation + 1, drops: dropGeneration };
    }
  }
  if (next !== null && next.drops !== dropGeneration) next = { ...next, drops: dropGeneration };
  if (next !== rendered) setRendered(next);

  const generation = next?.generation ?? -1;
  const hasSecret = next?.clientSecret != null;
  const dueAt = useRef(Infinity);
  useEffect(() => {
    if (!hasSecret) return;
    dueAt.current = Date.now() + RENDERED_SECRET_LIFETIME_MS - ROTATE_BEFORE_MS;
    const timer = setTimeout(() => setDueGeneration(generation), RENDERED_SECRET_LIFETIME_MS - ROTATE_BEFORE_MS);
    return () => {
      clearTimeout(timer);
      dueAt.current = Infinity;
    };
  }, [generation, hasSecret]);
  // A sleeping laptop stops timers, not the clock: whenever the session changes (it does on wake-up), ask the clock too.
  useEffect(() => {
    if (Date.now() >= dueAt.current) setDueGeneration(generation);
  }, [secret.clientSecret, secret.status, generation]);
  // Due while the element's session still holds the rendered secret: ask for the next one.
  const stale = dueGeneration === generation && hasSecret && secret.clientSecret === next?.clientSecret;
  useEffect(() => {
    if (stale) renew();
  }, [stale, renew]);
  return next;
}

const anonymousSecret: ComponentSecret = { clientSecret: null, status: 'disabled', error: null };

interface Props extends Omit<StripeWebComponentProps, 'anonymous' | 'customerEmail'> {
  tag: StripeWebComponentTag;
  component: ComponentName;
  idAttribute: [name: string, value: string];
  anonymous?: boolean;
  customerEmail?: string;
  forwardedRef: ForwardedRef<HTMLElement>;
}

/** The shared body of `PricingTable` and `BuyButton`. */
function StripeWebComponent(props: Props): ReactNode {
  const { tag, anonymous } = props;
  const context = useContext(CustomerSessionContext);
  if (!anonymous && context === null) {
    throw new Error(dev ? `<${tag}> needs <CustomerSessionProvider> around it, or the anonymous prop.` : `<${tag}>: no <CustomerSessionProvider>`);
  }
  // An anonymous element never asks for a session (a rule of hooks-safe branch: `anonymous` is fixed per element),
  // but still takes the provider's publishableKey.
  return anonymous ? <Element {...props} secret={anonymousSecret} context={context} renew={noop} /> : <CustomerElement {...props} />;
}

const noop = (): void => {};

/** An element whose secret is its own Customer Session, created as it nears the viewport (or at once: `loading="eager"`). */
function CustomerElement(props: Props): ReactNode {
  const sentinel = useRef<HTMLDivElement>(null);
  const near = useNearViewport(sentinel, props.loading === 'eager');
  const { secret, value, store } = useElementSecret(`<${props.tag}>`, props.component, near);
  const renew = useCallback(() => void store?.getState().refresh(), [store]);
  // Until it is asked for, a 1 px box the observer watches sits before the fallback (a sibling,
  // so the element below keeps its state when the box goes).
  return (
    <>
      {!near && <div ref={sentinel} style={{ height: 1 }} data-customer-session-pending="" />}
      <Element {...props} secret={secret} context={value} renew={renew} />
    </>
  );
}

function Element(props: Props & { secret: ComponentSecret; context: CustomerSessionContextValue | null; renew: () => void }): ReactNode {
  const { tag, component, idAttribute, anonymous, customerEmail, publishableKey, clientReferenceId, nonce, secret, context, renew } = props;
  const { fallback = null, errorFallback = null, onError, forwardedRef, secret: _secret, context: _context, renew: _renew, loading: _loading, ...rest } = props;
  useWarnIfDisabled(component, anonymous ? 'ready' : secret.status);
  const key = publishableKey ?? context?.publishableKey;
  if (!key) throw new Error(dev ? `<${tag}> needs a publishableKey prop, or publishableKey on <CustomerSessionProvider>.` : `<${tag}>: no publishableKey`);

  const isClient = useIsClient();
  const scriptError = useStripeScript(tag, nonce);
  const rendered = useRotatingSecret(secret, context?.dropGeneration ?? 0, isClient, renew);
  useReportError(secret.error, onError);
  useReportError(scriptError, onError);

  // On the server (and while hydrating) only a known customer secret is rendered: never an
  // anonymous element that would then flip to the customer.
  if (rendered === null || (!isClient && rendered.clientSecret === null)) return fallback;
  if (scriptError) return errorFallback;
  // React 19 hoists and de-duplicates the script into the server HTML; React 18 loads it after mount.
  if (typeof window === 'undefined' && typeof preinit === 'function') preinit(stripeScriptUrls[tag], { as: 'script', ...(nonce ? { nonce } : {}) });
  const attributes: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(rest)) if (name.startsWith('data-')) attributes[name] = value;
  const customerSecret = rendered.clientSecret ?? undefined;
  const email = customerSecret ? undefined : customerEmail;
  return createElement(tag, {
    ...attributes,
    // Stripe reads attributes only when the element connects: any change re-creates it.
    key: [rendered.generation, idAttribute[1], key, clientReferenceId, email].join('|'),
    ref: forwardedRef,
    id: props.id,
    // React 18 copies props onto custom elements verbatim (no className → class); React 19 accepts `class` too.
    class: props.className,
    style: props.style,
    [idAttribute[0]]: idAttribute[1],
    'publishable-key': key,
    'customer-session-client-secret': customerSecret,
    'client-reference-id': clientReferenceId,
    'customer-email': email,
  });
}

/**
 * Stripe's `<stripe-pricing-table>`, with the customer's session secret when the session enables
 * `pricing_table`. Loads `https://js.stripe.com/v3/pricing-table.js` once per page, on the client only
 * (skipped when the element is already defined, e.g. by `defineStripeWebComponentStandIns()`).
 * Renders `fallback` while the session is pending; on the server, the element itself when the
 * secret is known there (an `initialSession`), else `fallback`; `errorFallback` when the script fails. The rendered secret is kept until its 30-minute window is about to close, then the
 * element is re-created with the freshest one; a secret the provider drops (sign-out) goes at once.
 * `ref`, `id`, `className`, `style` and `data-*` reach the custom element.
 */
export const PricingTable = /* @__PURE__ */ forwardRef<HTMLElement, PricingTableProps>(function PricingTable({ pricingTableId, ...props }, ref) {
  return <StripeWebComponent {...props} tag="stripe-pricing-table" component="pricing_table" idAttribute={['pricing-table-id', pricingTableId]} forwardedRef={ref} />;
});

/**
 * Stripe's `<stripe-buy-button>`, with the customer's session secret when the session enables
 * `buy_button`. Same loading, gating and rotation as `PricingTable`
 * (script `https://js.stripe.com/v3/buy-button.js`).
 */
export const BuyButton = /* @__PURE__ */ forwardRef<HTMLElement, BuyButtonProps>(function BuyButton({ buyButtonId, ...props }, ref) {
  return <StripeWebComponent {...props} tag="stripe-buy-button" component="buy_button" idAttribute={['buy-button-id', buyButtonId]} forwardedRef={ref} />;
});
