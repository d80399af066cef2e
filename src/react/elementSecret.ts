'use client';
import { useEffect, useId, useLayoutEffect, useMemo, useState, type RefObject } from 'react';
import type { ComponentName } from '../core/componentNames';
import { componentSecret, useWarnIfDisabled } from './componentSecret';
import { useSessionContext, type CustomerSessionContextValue } from './CustomerSessionProvider';
import { useTrackedState, type SessionStore } from './store';
import type { ComponentSecret, CustomerSessionState } from './types';
import { useSessionStore } from './useCustomerSession';

// Mount numbers key element sessions: a new mount (remount, `key` change, a route entered again)
// is a new number, so it never finds an earlier mount's secret. StrictMode's second mount is the
// same instance, the same number.
let mounts = 0;

export interface ElementSecret {
  /** What the element renders with: its own session's secret, gated by the provider's session. */
  secret: ComponentSecret;
  value: CustomerSessionContextValue;
  /** The element's own session (`null` during server rendering). */
  store: SessionStore | null;
  /** The element's own session state as of this render. */
  own: CustomerSessionState;
}

/**
 * Stripe's rule, one secret for one render of one element: each mounted element gets a Customer
 * Session of its own, created for its component alone, never rendered before. It is asked for in
 * the same endpoint request as every other session of the commit, once the element is `near` the
 * viewport, and only when the provider's session enables the component (or the provider declared
 * it in `components`, so the answer comes with the provider's own). The provider's session gives
 * the status (`off`, `disabled`, `error`); the element's own session gives the secret and keeps it
 * fresh (`refreshMarginMs` before its expiry).
 */
export function useElementSecret(caller: string, component: ComponentName, near = true): ElementSecret {
  const { value, state } = useSessionContext(caller);
  const shared = componentSecret(state, component, value.enabled);
  const id = useId();
  const [mount] = useState(() => ++mounts);
  const [initialSession] = useState(() => value.takeInitial(id, component));
  useEffect(() => {
    value.spendInitial(id);
  }, [value, id]);
  const { session } = value;
  const declared = session.components?.includes(component) === true;
  const gate = shared.status === 'off' || shared.status === 'disabled';
  // Until the provider's session says the component is enabled, ask only for a declared one.
  const wanted = !gate && (initialSession !== undefined || (near && (declared || shared.status === 'ready' || shared.status === 'expired')));
  const element = useMemo(() => ({ mount, getRequestInit: session.getRequestInit }), [mount, session]);
  const { store, serverState } = useSessionStore(
    { endpoint: session.endpoint, components: [component], refreshMarginMs: session.refreshMarginMs, enabled: wanted, initialSession },
    value.client,
    element,
  );
  const own = useTrackedState(store, serverState, !wanted);
  let secret: ComponentSecret;
  if (gate) secret = shared;
  else if (wanted) secret = componentSecret(own, component);
  // Waiting for the element to near the viewport, or for the provider's session.
  else secret = { clientSecret: null, status: shared.status === 'error' ? 'error' : 'pending', error: shared.error };
  return { secret, value, store, own };
}

const marginPx = 200;

/**
 * Whether `target` is within `marginPx` of the viewport now, as far as layout says: clipped by each
 * scrolling ancestor on the way (as IntersectionObserver clips), `undefined` without a layout box.
 */
function nearNow(target: Element): boolean | undefined {
  const rect = target.getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0) return undefined;
  let { top, bottom, left, right } = rect;
  for (let parent = target.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
    if (getComputedStyle(parent).overflow === 'visible') continue;
    const box = parent.getBoundingClientRect();
    [top, bottom, left, right] = [Math.max(top, box.top), Math.min(bottom, box.bottom), Math.max(left, box.left), Math.min(right, box.right)];
  }
  return top <= bottom && left <= right && bottom >= -marginPx && top <= innerHeight + marginPx && right >= -marginPx && left <= innerWidth + marginPx;
}

// Layout effects run before the browser paints and before the commit's session requests leave: an
// element already in view joins the provider's request instead of waiting a frame for the observer.
const useIsomorphicLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

/**
 * Whether the element behind `ref` is within 200 px of the viewport (or was: it stays `true`).
 * `true` at once when `eager`, or where there is no `IntersectionObserver` (old browsers).
 */
export function useNearViewport(ref: RefObject<Element | null>, eager: boolean): boolean {
  const [near, setNear] = useState(eager);
  useIsomorphicLayoutEffect(() => {
    if (!near && ref.current && (typeof IntersectionObserver === 'undefined' || nearNow(ref.current))) setNear(true);
  }, [near, ref]);
  useEffect(() => {
    const target = ref.current;
    // Without IntersectionObserver the layout effect above has already set `near` (this commit's
    // closure still says false).
    if (near || !target || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setNear(true);
    }, { rootMargin: `${marginPx}px` });
    observer.observe(target);
    return () => observer.disconnect();
  }, [near, ref]);
  return near;
}

/**
 * A Customer Session secret for one component, for design systems that render Stripe's elements
 * themselves: each mount of the calling component gets a session of its own, created for
 * `component` alone, never handed to any other mount (Stripe's secrets are single-use: render it
 * into one element, once). `clientSecret` is set only when the provider's session enables
 * `component` and the secret is current (`status: 'ready'`); see `ComponentSecretStatus` for the
 * rest. It changes before the session expires: re-render the element with the new one then.
 * `customer_sheet` and `mobile_payment_element` have no web component: their secret is for native apps.
 * Warns once in development when the session does not enable `component`.
 */
export function useComponentSecret(component: ComponentName): ComponentSecret {
  const { secret } = useElementSecret(`useComponentSecret('${component}')`, component);
  const { clientSecret, status, error } = secret;
  useWarnIfDisabled(component, status);
  return useMemo(() => ({ clientSecret, status, error }), [clientSecret, status, error]);
}
