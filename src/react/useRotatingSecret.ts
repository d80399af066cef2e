'use client';
import { useEffect, useRef, useState } from 'react';
import type { ComponentSecret } from './componentTypes';

/** Stripe: a secret put into a web component before the session expires works for 30 minutes after render. */
const RENDERED_SECRET_LIFETIME_MS = 30 * 60_000;
/** Re-create the element this long before the rendered secret's window closes. */
const ROTATE_BEFORE_MS = 60_000;

/** What a web component renders: its secret (`null` = anonymous) and a generation that keys the element. */
export interface RenderedSecret {
  clientSecret: string | null;
  generation: number;
}

/**
 * Rotation policy for web components, which read their attributes only when they connect.
 * - Nothing is rendered until the session settles (`null`): no anonymous flash while pending.
 * - A rendered secret is kept, even after the session rotates or expires, until its 30-minute
 *   window is about to close; then the element is re-created once with the freshest secret
 *   (anonymous if the session now disables the component or failed; if the secret is
 *   momentarily expired, the moment a fresh one lands). The table never flickers in between.
 * - A new session (the provider's `components` or `endpoint` changed) is a rotation like any other.
 * - A secret that was dropped (`dropped`, from `useSessionDropped`: sign-out) goes at once: the
 *   element is re-created anonymously, since the next customer must not see it.
 * - An anonymous element (session failed, or dropped) upgrades to the customer's secret as soon as one arrives.
 */
export function useRotatingSecret({ clientSecret, status }: ComponentSecret, dropped: boolean): RenderedSecret | null {
  const [rendered, setRendered] = useState<RenderedSecret | null>(null);
  const [dueGeneration, setDueGeneration] = useState(-1);
  // undefined: wait for the session (pending, or expired while a fresh secret is fetched).
  const wanted = status === 'ready' ? clientSecret : status === 'disabled' || status === 'error' || status === 'off' ? null : undefined;
  let next = rendered;
  if (dropped && next?.clientSecret != null) next = { clientSecret: null, generation: next.generation + 1 };
  else if (wanted !== undefined) {
    if (next === null) next = { clientSecret: wanted, generation: 0 };
    else if ((next.clientSecret === null && wanted !== null) || dueGeneration === next.generation) {
      next = { clientSecret: wanted, generation: next.generation + 1 };
    }
  }
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
  }, [clientSecret, status, generation]);
  return next;
}
