import { createStripeEmulator } from '../../src/testing/emulator/createStripeEmulator';
import { maskApiKey } from '../../src/testing/emulator/maskApiKey';
import { call } from './support';

const basic = (user: string) => `Basic ${btoa(user)}`;

describe('emulator authentication', () => {
  it('answers 401 with Stripe\'s message when no key is sent', async () => {
    for (const authorization of [null, '', 'Bearer ', basic(':')]) {
      const response = await call(createStripeEmulator(), '/v1/customers', '', { authorization });
      expect(response.status).toBe(401);
      expect(response.json.error.type).toBe('invalid_request_error');
      expect(response.json.error.message).toMatch(/^You did not provide an API key\. You need to provide your API key in the Authorization header/);
    }
  });

  it('accepts test secret and restricted keys as Bearer or as the Basic auth user', async () => {
    for (const authorization of ['Bearer sk_test_123', 'bearer rk_test_abc', basic('sk_test_123:'), basic('sk_test_123')]) {
      const response = await call(createStripeEmulator(), '/v1/customers', '', { authorization });
      expect(response.status, authorization).toBe(200);
    }
  });

  it('refuses live, publishable and malformed keys with the key masked', async () => {
    const cases: Array<[string, string]> = [
      ['Bearer sk_live_51Habcdefghijklmnabcd', 'Invalid API Key provided: sk_live_****abcd'],
      [basic('pk_test_51Habcdefghijklmnwxyz:'), 'Invalid API Key provided: pk_test_****wxyz'],
      ['Bearer not-a-key-at-all-1234', 'Invalid API Key provided: ****1234'],
      ['Token sk_test_123', 'Invalid API Key provided: ****_123'],
    ];
    for (const [authorization, message] of cases) {
      const response = await call(createStripeEmulator(), '/v1/customers', '', { authorization });
      expect(response.status).toBe(401);
      expect(response.json).toEqual({ error: { type: 'invalid_request_error', message } });
    }
  });

  it('checks the key before reading the body', async () => {
    const response = await call(createStripeEmulator(), '/v1/customer_sessions', '{"a":1}', {
      authorization: null,
      headers: { 'Content-Type': 'application/json' },
    });
    expect(response.status).toBe(401);
  });
});

describe('maskApiKey', () => {
  it('keeps the prefix and the last four characters of a long key, nothing of a short one', () => {
    expect(maskApiKey('sk_test_4eC39HqLyjWDarjtT1zdp7dc')).toBe('sk_test_****p7dc');
    expect(maskApiKey('rk_live_12345678abcd')).toBe('rk_live_****abcd');
    expect(maskApiKey('sk_test_abcd')).toBe('sk_test_****');
    expect(maskApiKey('short')).toBe('****');
  });
});
