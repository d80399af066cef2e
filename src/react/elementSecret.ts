'use client';
import { useEffect, useId, useMemo, useState } from 'react';
import type { ComponentName } from '../core/componentNames';
import { componentSecret, useWarnIfDisabled } from './componentSecret';
import { useSessionContext, type CustomerSessionContextValue } from './CustomerSessionProvider';
import { useTrackedState, type SessionStore } from './store';
import type { ComponentSecret } from './types';
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
}

/**
 * Stripe's rule, one secret for one render of one element: each mounted element gets a Customer
 * Session of its own, created for its component alone, never rendered before. It is asked for in
 * the same endpoint request as every other session of the commit, once the element is `near` the
 * viewport, and only when the provider's session enables the component (or the provider declared
 * it in `components`, so the answer comes with the provider's own). The provider's session gives
 * the status (`off`, `disabled`, `error`); the element's own session gives the secret and keeps it
 * fresh (`refreshMarginMs` before its expiry). Warns once in development when the session does not
 * enable `component`.
 */
export function useElementSecret(caller: string, component: ComponentName, near = true): ElementSecret {
  const { value, state } = useSessionContext(caller);
  const shared = componentSecret(state, component, value.enabled);
  const { status } = shared;
  const { session } = value;
  const id = useId();
  const [[initialSession, mount]] = useState(() => [value.takeInitial(id, component), ++mounts] as const);
  useEffect(() => {
    value.spendInitial(id);
  }, [value, id]);
  // The provider's session enables the component (or did, and is being renewed).
  const enabled = status === 'ready' || status === 'expired';
  // Until it does, ask only for a declared one.
  const wanted = status !== 'off' && status !== 'disabled' && (initialSession !== undefined || (near && (enabled || !!session.components?.includes(component))));
  // Asked with the provider's endpoint and margin; its requests read the provider's `requestInit`.
  const { store, serverState } = useSessionStore({ ...session, components: [component], enabled: wanted, initialSession }, value.client, { ...session, mount });
  const own = useTrackedState(store, serverState, !wanted);
  // Not asked for: gated by the provider's session (`off`, `disabled`, `error`), or waiting for it, or
  // enabled but waiting for the element to near the viewport: then `own` is a disabled reader's empty
  // pending state (never the provider's own secret, nor the provider's refresh error).
  const secret: ComponentSecret = wanted || enabled ? componentSecret(own, component) : shared;
  // A build-time constant: the hook is called on every render or on none.
  // eslint-disable-next-line react-hooks/rules-of-hooks
  if (process.env.NODE_ENV !== 'production') useWarnIfDisabled(component, secret.status);
  return { secret, value, store };
}

/**
 * Whether `target` is within 200 px of the viewport now, as far as layout says: clipped by each
 * scrolling ancestor on the way (as IntersectionObserver clips). `false` when no height of it shows:
 * the 1 px box is out of view, or has no layout (not displayed, or jsdom); the observer decides.
 */
function nearNow(target: Element): boolean {
  // The viewport grown by the margin (200 px, the observer's rootMargin below), cut down to the
  // target and each box that clips it. That takes in <body> and <html> too when they set an overflow
  // (the observer lets theirs go to the viewport): clipping only ever says no, and then the observer
  // decides, a frame later.
  let top = -200;
  let left = -200;
  let bottom = innerHeight + 200;
  let right = innerWidth + 200;
  for (let box: Element | null = target; box; box = box.parentElement) {
    if (box === target || getComputedStyle(box).overflow !== 'visible') {
      const rect = box.getBoundingClientRect();
      top = Math.max(top, rect.top);
      left = Math.max(left, rect.left);
      bottom = Math.min(bottom, rect.bottom);
      right = Math.min(right, rect.right);
    }
  }
  return top < bottom && left <= right;
}

/**
 * Whether the box that takes the returned ref callback is within 200 px of the viewport (or was: it
 * stays `true`). `true` whenever `eager` (also when it turns so after mount), or where there is no
 * `IntersectionObserver` (old browsers).
 */
export function useNearViewport(eager: boolean): [near: boolean, ref: (box: Element | null) => void] {
  const [near, setNear] = useState(eager);
  // Turned `eager` after mount: near from now on, as at mount.
  if (eager && !near) setNear(true);
  // A ref callback runs where a layout effect would: before the browser paints and before the commit's
  // session requests leave (and never on the server), so an element already in view joins the
  // provider's request instead of waiting a frame for the observer. Called with `null` when the box goes.
  const [ref] = useState(() => {
    let observer: IntersectionObserver | undefined;
    return (target: Element | null) => {
      observer?.disconnect();
      if (!target) return;
      if (typeof IntersectionObserver === 'undefined' || nearNow(target)) return setNear(true);
      observer = new IntersectionObserver((entries) => {
        // The latest entry: where the box is now.
        if (entries.pop()!.isIntersecting) setNear(true);
      }, { rootMargin: '200px' });
      observer.observe(target);
    };
  });
  return [near, ref];
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
  // The same object while its fields are.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => secret, [secret.clientSecret, secret.status, secret.error]);
}
