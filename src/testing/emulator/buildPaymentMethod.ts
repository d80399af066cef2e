import type { AllowRedisplay } from '../../core/types';
import type { EmulatorCardBrand, EmulatorPaymentMethod, EmulatorSavedCard } from './types';
import { randomBase62 } from './randomBase62';

/** Stripe's test tokens (`card[token]`) and the card each stands for. */
export const testCardTokens: Readonly<Record<string, { brand: EmulatorCardBrand; last4: string }>> = {
  tok_visa: { brand: 'visa', last4: '4242' },
  tok_visa_debit: { brand: 'visa', last4: '5556' },
  tok_mastercard: { brand: 'mastercard', last4: '4444' },
  tok_amex: { brand: 'amex', last4: '8431' },
  tok_discover: { brand: 'discover', last4: '1117' },
  tok_diners: { brand: 'diners', last4: '0004' },
  tok_jcb: { brand: 'jcb', last4: '0000' },
  tok_unionpay: { brand: 'unionpay', last4: '0005' },
};

/** The brand of a card number by its leading digits (the ranges Stripe's test cards use). */
export function cardBrand(number: string): EmulatorCardBrand {
  if (/^4/.test(number)) return 'visa';
  if (/^(5[1-5]|2[2-7])/.test(number)) return 'mastercard';
  if (/^3[47]/.test(number)) return 'amex';
  if (/^(6011|64[4-9]|65)/.test(number)) return 'discover';
  if (/^3(0[0-5]|[689])/.test(number)) return 'diners';
  if (/^35/.test(number)) return 'jcb';
  if (/^62/.test(number)) return 'unionpay';
  return 'unknown';
}

/**
 * A card PaymentMethod shaped as Stripe returns it (`pm_` + 24 base62 characters). The fingerprint is
 * stable per brand and last 4, as Stripe's is per card number.
 */
export function buildPaymentMethod(card: EmulatorSavedCard, createdSeconds: number): EmulatorPaymentMethod {
  const { brand, last4, exp_month, exp_year } = card;
  const allowRedisplay: AllowRedisplay = card.allow_redisplay ?? 'unspecified';
  return {
    id: `pm_${randomBase62(24)}`,
    object: 'payment_method',
    allow_redisplay: allowRedisplay,
    billing_details: {
      address: { city: null, country: null, line1: null, line2: null, postal_code: null, state: null },
      email: null,
      name: card.name ?? null,
      phone: null,
      tax_id: null,
    },
    card: {
      brand,
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: 'pass' },
      country: 'US',
      display_brand: brand === 'amex' ? 'american_express' : brand,
      exp_month,
      exp_year,
      fingerprint: fingerprint(`${brand}:${last4}`),
      funding: 'credit',
      generated_from: null,
      last4,
      networks: { available: [brand], preferred: null },
      regulated_status: 'unregulated',
      three_d_secure_usage: { supported: true },
      wallet: null,
    },
    created: createdSeconds,
    customer: card.customer ?? null,
    customer_account: null,
    livemode: false,
    metadata: {},
    type: 'card',
  };
}

function fingerprint(text: string): string {
  let hash = 2166136261;
  let out = '';
  for (let round = 0; out.length < 16; round++) {
    for (const char of `${round}${text}`) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
    out += hash.toString(36);
  }
  return out.slice(0, 16);
}
