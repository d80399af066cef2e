import { readFileSync } from 'node:fs';
import fixture from './fixtures/customer-session-object.fixture.json';
import referenceResponse from './fixtures/reference-response.json';
import { listen, type ListeningEmulator } from '../../src/testing/emulator/listen';

// Fidelity proof: the curl example of Stripe's API reference (copied verbatim into fixtures/),
// replayed with fetch against the listening emulator, answers the reference's shape.
const curl = readFileSync(new URL('./fixtures/reference-curl.txt', import.meta.url), 'utf8');

/** Splits a curl command line like a shell would (enough for the reference: quotes and `\` line ends). */
function shellWords(command: string): string[] {
  const words: string[] = [];
  for (const match of command.replace(/\\\n/g, ' ').matchAll(/(?:"[^"]*"|[^\s"]+)+/g)) {
    words.push(match[0].replace(/"/g, ''));
  }
  return words;
}

function replay(baseUrl: string, secretKey: string, customerId: string): Request {
  const words = shellWords(curl.replaceAll('<<YOUR_SECRET_KEY>>', secretKey).replaceAll('{{CUSTOMER_ID}}', customerId));
  expect(words[0]).toBe('curl');
  const url = new URL(words[1] ?? '');
  const headers = new Headers({ 'Content-Type': 'application/x-www-form-urlencoded' });
  const data: string[] = [];
  for (let i = 2; i < words.length; i += 2) {
    const [flag, value = ''] = [words[i], words[i + 1]];
    // curl -u "key" means user "key" with an empty password, sent as Basic auth.
    if (flag === '-u') headers.set('Authorization', `Basic ${btoa(value.includes(':') ? value : `${value}:`)}`);
    else if (flag === '-H') headers.set(value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1).trim());
    else if (flag === '-d') data.push(value);
    else throw new Error(`unexpected curl flag ${flag}`);
  }
  return new Request(`${baseUrl}${url.pathname}`, { method: 'POST', headers, body: data.join('&') });
}

type Shape = string | { [key: string]: Shape } | Shape[];

/** Keys at every level and the JSON type of every value (`null`, `string`, ...). */
function shape(value: unknown): Shape {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.map(shape);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([key, member]) => [key, shape(member)]));
  }
  return typeof value;
}

let server: ListeningEmulator;
beforeAll(async () => {
  server = await listen();
});
afterAll(() => server.close());

describe('the API reference\'s curl example, replayed', () => {
  it('answers 200 with the reference response\'s keys and value types', async () => {
    const { id } = server.emulator.createCustomer();
    const response = await fetch(replay(server.url, 'sk_test_4eC39HqLyjWDarjtT1zdp7dc', id));
    expect(response.status).toBe(200);
    expect(response.headers.get('stripe-version')).toBe('2025-09-30.clover');
    const body = (await response.json()) as Record<string, unknown>;

    expect(body).toMatchObject({ object: 'customer_session', customer: id, livemode: false, components: referenceResponse.components });
    // Every member of the (abridged) reference answer is there with the same type.
    const ours = shape(body) as Record<string, Shape>;
    for (const [key, type] of Object.entries(shape(referenceResponse) as Record<string, Shape>)) {
      if (key === 'components') continue;
      expect(ours[key], key).toEqual(type);
    }
    for (const [name, type] of Object.entries(shape(referenceResponse.components) as Record<string, Shape>)) {
      expect((ours.components as Record<string, Shape>)[name], name).toEqual(type);
    }
  });

  it('has exactly the fixture\'s shape at every level, plus customer_account and stripe 23\'s two components, with the fixture\'s secret format', async () => {
    const { id } = server.emulator.createCustomer();
    const response = await fetch(replay(server.url, 'sk_test_4eC39HqLyjWDarjtT1zdp7dc', id));
    const body = (await response.json()) as Record<string, unknown>;
    // The fixture predates customer_account (present in the SDK's CustomerSession type); the rest must match
    // exactly, except payment_method_redisplay_limit (typed number | null): the fixture's synthetic value is
    // null where the emulator fills the reference's default 3 (see buildCustomerSessionComponents).
    // It also predates active_entitlements and customer_portal (required keys in stripe 23's type).
    const { customer_account, ...rest } = body;
    expect(customer_account).toBeNull();
    const comparable = structuredClone(rest) as typeof fixture & { components: Record<string, unknown> };
    expect(comparable.components.active_entitlements).toEqual({ enabled: false });
    expect(comparable.components.customer_portal).toEqual({ enabled: false });
    delete comparable.components.active_entitlements;
    delete comparable.components.customer_portal;
    comparable.components.payment_element.features.payment_method_redisplay_limit = null;
    expect(shape(comparable)).toEqual(shape(fixture));
    expect(String(body.client_secret)).toMatch(/^cuss_secret_[A-Za-z0-9]+$/);
    expect(String(body.client_secret)).toHaveLength(fixture.client_secret.length);
  });
});
