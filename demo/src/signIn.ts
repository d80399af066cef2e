import { useSyncExternalStore } from 'react';

/**
 * The demo's one shopper is signed out by a cookie the server sets (`POST /demo/sign-out`, see
 * demo/server/demoRoutes.ts), shared by every tab, as a real app's session cookie would be. The
 * endpoint then answers 401 and `/ssr` renders no session.
 */
export const signedOutCookie = /(?:^|;\s*)demo_signed_out=1(?:;|$)/;

const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

/**
 * Whether the shopper is signed in (the cookie, read on each render of its reader; signed in on the
 * server and while hydrating), and a function that signs them out or in: on the server first, so
 * that when the provider then drops the session (`enabled={false}`) and the other tabs ask their
 * endpoint again, it already answers 401.
 */
export function useDemoSignIn(): [signedIn: boolean, setSignedIn: (signedIn: boolean) => Promise<void>] {
  const signedIn = useSyncExternalStore(subscribe, () => !signedOutCookie.test(document.cookie), () => true);
  const setSignedIn = async (next: boolean) => {
    await fetch(next ? '/demo/sign-in' : '/demo/sign-out', { method: 'POST' });
    for (const listener of listeners) listener();
  };
  return [signedIn, setSignedIn];
}
