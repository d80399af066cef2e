'use client';
import { createElement, type ForwardedRef, type ReactNode } from 'react';
import type { ComponentName } from '../core/componentNames';
import type { StripeWebComponentTag } from './stripeScriptUrls';
import type { ComponentSecret, StripeWebComponentProps } from './componentTypes';
import { componentSecretFromState } from './componentSecretFromState';
import { useCustomerSessionContextValue } from './useCustomerSessionContextValue';
import { useIsClient } from './useIsClient';
import { useReportError } from './useReportError';
import { useRotatingSecret } from './useRotatingSecret';
import { useSessionDropped } from './useSessionDropped';
import { useStripeScript } from './useStripeScript';
import { useWarnIfDisabled } from './useWarnIfDisabled';
import type {} from './stripeWebComponentsJsx';

const anonymousSecret: ComponentSecret = { clientSecret: null, status: 'disabled', error: null };

interface Props extends Omit<StripeWebComponentProps, 'anonymous' | 'customerEmail'> {
  tag: StripeWebComponentTag;
  component: ComponentName;
  idAttribute: [name: string, value: string];
  anonymous?: boolean;
  customerEmail?: string;
  forwardedRef: ForwardedRef<HTMLElement>;
}

/** Internal: the shared body of `PricingTable` and `BuyButton`. */
export function StripeWebComponent(props: Props): ReactNode {
  const { tag, component, idAttribute, anonymous, customerEmail, publishableKey, clientReferenceId, nonce } = props;
  const { fallback = null, errorFallback = null, onError, forwardedRef, ...rest } = props;
  const context = useCustomerSessionContextValue(`<${tag}>`, { optional: true });
  if (!anonymous && context === null) {
    throw new Error(`<${tag}> needs <CustomerSessionProvider> around it, or the anonymous prop.`);
  }
  const secret = anonymous || !context ? anonymousSecret : componentSecretFromState(context.state, component, context.enabled);
  const dropped = useSessionDropped(anonymous ? null : context);
  useWarnIfDisabled(component, anonymous ? 'ready' : secret.status);
  const key = publishableKey ?? context?.publishableKey;
  if (!key) throw new Error(`<${tag}> needs a publishableKey prop, or publishableKey on <CustomerSessionProvider>.`);

  const isClient = useIsClient();
  const scriptError = useStripeScript(tag, nonce);
  const rendered = useRotatingSecret(secret, dropped);
  useReportError(secret.error, onError);
  useReportError(scriptError, onError);

  if (!isClient || rendered === null) return fallback;
  if (scriptError) return errorFallback;
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
