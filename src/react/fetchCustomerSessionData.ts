'use client';
import { asCustomerSessionError } from '../core/asCustomerSessionError';
import type { ComponentName } from '../core/componentNames';
import { CustomerSessionError } from '../core/CustomerSessionError';
import { expiryClockOffset } from '../core/expiryClockOffset';
import { expirySchedule } from '../core/expirySchedule';
import { fetchCustomerSession } from '../core/fetchCustomerSession';
import { parseCustomerSessionResponse } from '../core/parseCustomerSessionResponse';
import { retryPolicy } from '../core/retryPolicy';
import type { CustomerSession } from '../core/types';
import type { CustomerSessionData } from './CustomerSessionData';
import type { CustomerSessionEndpoint } from './types';
import { warnIfNotCustomerSessionSecret } from './warnIfNotCustomerSessionSecret';

// A function endpoint may ignore its signal; the request still ends when the signal fires.
function untilAborted(promise: Promise<CustomerSession>, signal: AbortSignal): Promise<CustomerSession> {
  return new Promise((resolve, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    promise.then(resolve, reject);
  });
}

/**
 * One session request through either endpoint form, validated, with the clock offset measured
 * from the moment it was sent (0 when the session has no `created`). A session whose expiry on the
 * local clock has already passed when it arrives is refused as kind `expired`. Gives up after
 * `retryPolicy.requestTimeoutMs` (as a `network` failure). Rejects with a `CustomerSessionError` only.
 */
export async function fetchCustomerSessionData(
  endpoint: CustomerSessionEndpoint,
  components: ComponentName[],
  outer: AbortSignal,
  requestInit: RequestInit | undefined,
): Promise<CustomerSessionData> {
  const sentAt = Date.now();
  const controller = new AbortController();
  const signal = controller.signal;
  const forward = (): void => controller.abort(outer.reason);
  outer.addEventListener('abort', forward, { once: true });
  const timer = setTimeout(() => {
    controller.abort(new CustomerSessionError('network', `Customer Session endpoint did not answer within ${retryPolicy.requestTimeoutMs / 1000} s.`));
  }, retryPolicy.requestTimeoutMs);
  try {
    const session =
      typeof endpoint === 'string'
        ? await fetchCustomerSession(endpoint, { components, signal, requestInit })
        : parseCustomerSessionResponse(await untilAborted(endpoint({ components, signal }), signal));
    if (process.env.NODE_ENV !== 'production') warnIfNotCustomerSessionSecret(session.client_secret);
    // Optional on the wire: without it skew cannot be measured, so the local clock is trusted.
    const created: number | undefined = session.created;
    const clockOffsetMs = created === undefined ? 0 : expiryClockOffset(sentAt, created);
    const createdSeconds = created ?? sentAt / 1000;
    // Refused rather than shown as expired: the expiry timer would refresh it at once, and every new
    // session would be the same (a clock running ahead, or a lifetime of 1 s plus the latency), in a loop.
    if (expirySchedule({ created: createdSeconds, expires_at: session.expires_at }, clockOffsetMs).expiresAtLocal <= Date.now()) {
      const why = created === undefined ? ' (no `created` to correct skew)' : ', after correcting for clock skew and latency';
      throw new CustomerSessionError('expired', `Customer Session already expired by the local clock when it arrived${why}.`);
    }
    return { session, clockOffsetMs, createdSeconds };
  } catch (error) {
    throw asCustomerSessionError(error, signal);
  } finally {
    clearTimeout(timer);
    outer.removeEventListener('abort', forward);
  }
}
