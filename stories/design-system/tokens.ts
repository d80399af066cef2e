import type { Appearance } from '@stripe/stripe-js';

/**
 * "Acme UI", a tiny in-repo design system standing in for yours: its tokens are the single source of
 * its CSS custom properties (acme.css) and of the Stripe Elements `appearance` below.
 */
export const acmeTokens = {
  color: {
    primary: '#0f766e',
    primaryText: '#ffffff',
    text: '#134e4a',
    muted: '#5b7a77',
    surface: '#ffffff',
    canvas: '#f0fdfa',
    border: '#99d5cd',
    danger: '#b42318',
  },
  radius: '14px',
  font: "'Avenir Next', 'Segoe UI', system-ui, sans-serif",
  spacing: '4px',
} as const;

/** The tokens as Stripe's Appearance API wants them (https://docs.stripe.com/elements/appearance-api). */
export function acmeAppearance(tokens: typeof acmeTokens = acmeTokens): Appearance {
  return {
    theme: 'flat',
    variables: {
      colorPrimary: tokens.color.primary,
      colorBackground: tokens.color.surface,
      colorText: tokens.color.text,
      colorDanger: tokens.color.danger,
      fontFamily: tokens.font,
      borderRadius: tokens.radius,
      spacingUnit: tokens.spacing,
    },
    rules: { '.Input': { border: `1px solid ${tokens.color.border}` } },
  };
}

/** The tokens as CSS custom properties, set once on the design system's root. */
export function acmeCssVariables(tokens: typeof acmeTokens = acmeTokens): Record<string, string> {
  return {
    '--acme-primary': tokens.color.primary,
    '--acme-primary-text': tokens.color.primaryText,
    '--acme-text': tokens.color.text,
    '--acme-muted': tokens.color.muted,
    '--acme-surface': tokens.color.surface,
    '--acme-canvas': tokens.color.canvas,
    '--acme-border': tokens.color.border,
    '--acme-danger': tokens.color.danger,
    '--acme-radius': tokens.radius,
    '--acme-font': tokens.font,
  };
}
