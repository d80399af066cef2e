import { h } from '../h';
import { standInStyles as s } from '../standInStyles';
import type { StripeRuleViolation } from './stripeRules';

/**
 * The warning a stand-in shows inside itself for the rules it saw broken: the rule, what happened
 * (masked secret) and a link to Stripe's page; nothing when there are none. A `note` named "Stripe
 * rule broken", not an alert: the page's own alerts stay the only ones.
 */
export function violationNotice(violations: readonly StripeRuleViolation[]): HTMLElement | null {
  if (violations.length === 0) return null;
  const items = violations.map((violation) =>
    h(
      'li',
      { style: s.violationItem },
      h('strong', {}, violation.rule),
      ' · ',
      violation.message,
      ' ',
      h('a', { href: violation.docs, target: '_blank', rel: 'noreferrer', style: s.violationLink }, 'Stripe docs'),
    ),
  );
  return h(
    'div',
    { role: 'note', 'aria-label': 'Stripe rule broken', 'data-stand-in': 'violations', style: s.violation },
    h('div', { style: s.violationTitle }, `⚠ Stripe rule broken (${violations.length})`),
    h('ul', { style: { ...s.list, margin: '0' } }, ...items),
  );
}
