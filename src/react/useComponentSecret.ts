'use client';
import { useMemo } from 'react';
import type { ComponentName } from '../core/componentNames';
import type { ComponentSecret } from './componentTypes';
import { componentSecretFromState } from './componentSecretFromState';
import { useCustomerSessionContextValue } from './useCustomerSessionContextValue';
import { useWarnIfDisabled } from './useWarnIfDisabled';

/**
 * The session's client secret for one component, for design systems that render Stripe's
 * elements themselves. `clientSecret` is set only when the session enables `component` and the
 * secret is current (`status: 'ready'`); see `ComponentSecretStatus` for the rest.
 * `customer_sheet` and `mobile_payment_element` have no web component: their secret is for native apps.
 * Warns once in development when the session does not enable `component`.
 */
export function useComponentSecret(component: ComponentName): ComponentSecret {
  const { state, enabled } = useCustomerSessionContextValue(`useComponentSecret('${component}')`);
  const { clientSecret, status, error } = componentSecretFromState(state, component, enabled);
  useWarnIfDisabled(component, status);
  return useMemo(() => ({ clientSecret, status, error }), [clientSecret, status, error]);
}
