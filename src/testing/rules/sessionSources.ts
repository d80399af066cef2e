import type { CustomerSession } from '../../core/types';

/** Whatever issues Customer Sessions on this page (an emulator): it knows each secret's session and its own clock. */
export interface SessionSource {
  findCustomerSession(clientSecret: string): CustomerSession | undefined;
  clock: { now(): number };
}

/** A secret's session and the clock of the emulator that issued it. */
export interface SecretOrigin {
  session: CustomerSession;
  now: () => number;
}

// Weakly held: a test or story that drops its emulator drops it here too.
const sources = new Set<WeakRef<SessionSource>>();
const forget = new FinalizationRegistry<WeakRef<SessionSource>>((ref) => sources.delete(ref));

/** Makes an emulator's sessions known to every stand-in on the page (called by `createStripeEmulator`). */
export function registerSessionSource(source: SessionSource): void {
  const ref = new WeakRef(source);
  sources.add(ref);
  forget.register(source, ref);
}

/** The session behind `clientSecret` and the issuing emulator's clock, from any live emulator on the page. */
export function findSecretOrigin(clientSecret: string): SecretOrigin | undefined {
  for (const ref of sources) {
    const source = ref.deref();
    if (!source) {
      sources.delete(ref);
      continue;
    }
    const session = source.findCustomerSession(clientSecret);
    if (session) return { session, now: () => source.clock.now() };
  }
  return undefined;
}
