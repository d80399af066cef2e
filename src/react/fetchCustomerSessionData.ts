'use client';
import { asCustomerSessionError } from '../core/asCustomerSessionError';
import type { ComponentName } from '../core/componentNames';
import { expiryClockOffset } from '../core/expiryClockOffset';
import { fetchCustomerSession } from '../core/fetchCustomerSession';
import { parseCustomerSessionResponse } from '../core/parseCustomerSessionResponse';
import type { CustomerSessionData } from './CustomerSessionData';
import type { CustomerSessionEndpoint } from './types';
import { warnIfNotCustomerSessionSecret } from './warnIfNotCustomerSessionSecret';

/**
 * One session request through either endpoint form, validated, with the clock offset measured
 * from the moment it was sent. Rejects with a `CustomerSessionError` only.
 */
export async function fetchCustomerSessionData(
  endpoint: CustomerSessionEndpoint,
  components: ComponentName[],
  signal: AbortSignal,
  requestInit: RequestInit | undefined,
): Promise<CustomerSessionData> {
  const sentAt = Date.now();
  try {
    const session =
      typeof endpoint === 'string'
        ? await fetchCustomerSession(endpoint, { components, signal, requestInit })
        : parseCustomerSessionResponse(await endpoint({ components, signal }));
    warnIfNotCustomerSessionSecret(session.client_secret);
    return { session, clockOffsetMs: expiryClockOffset(sentAt, session.created) };
  } catch (error) {
    throw asCustomerSessionError(error, signal);
  }
}
