import fixture from '../emulator/fixtures/customer-session-object.fixture.json';
import { CustomerSessionError } from '../../src/core/errors';
import { parseCustomerSessionResponse } from '../../src/core/parse';
import { makeCustomerSession } from '../../src/testing/makeCustomerSession';

function failure(value: unknown): CustomerSessionError {
  try {
    parseCustomerSessionResponse(value);
  } catch (error) {
    expect(error).toBeInstanceOf(CustomerSessionError);
    return error as CustomerSessionError;
  }
  throw new Error('expected parseCustomerSessionResponse to throw');
}

describe('parseCustomerSessionResponse', () => {
  it("accepts Stripe's fixture object", () => {
    const fresh = { ...fixture, expires_at: fixture.created + 1800 };
    const session = parseCustomerSessionResponse(fresh);
    expect(session.client_secret).toBe(fixture.client_secret);
    expect(session.components.pricing_table.enabled).toBe(true);
  });

  it("accepts the reference's example response, which has no `created`, and leaves it absent", () => {
    const example = {
      object: 'customer_session',
      client_secret: '_POpxYpmkXdtttYtZQYhrsOJZ2RCQ9kCqqXRU6qrP5c4Jgje',
      components: { buy_button: { enabled: false }, pricing_table: { enabled: true } },
      customer: 'cus_PO34b57IOUb83c',
      expires_at: 1684790027,
      livemode: false,
    };
    const session = parseCustomerSessionResponse(example);
    expect(session.expires_at).toBe(1684790027);
    expect(session.components.pricing_table.enabled).toBe(true);
    expect('created' in session).toBe(false);
  });

  it('accepts a factory session unchanged', () => {
    const session = makeCustomerSession({ components: ['buy_button'] });
    expect(parseCustomerSessionResponse(session)).toEqual(session);
  });

  it('fills components an older API version leaves out as disabled', () => {
    const { components, ...rest } = makeCustomerSession();
    const parsed = parseCustomerSessionResponse({ ...rest, components: { pricing_table: { enabled: true } } });
    expect(parsed.components.pricing_table.enabled).toBe(true);
    expect(parsed.components.payment_element).toEqual({ enabled: false, features: null });
    expect(parsed.components.buy_button).toEqual({ enabled: false });
    expect(components).toBeDefined();
  });

  it('gives an enabled component without features (or with them undefined) `features: null`, as the types say', () => {
    const { components: _c, ...rest } = makeCustomerSession();
    const parsed = parseCustomerSessionResponse({ ...rest, components: { payment_element: { enabled: true }, customer_sheet: { enabled: true, features: undefined } } });
    expect(parsed.components.payment_element).toEqual({ enabled: true, features: null });
    expect(parsed.components.customer_sheet).toStrictEqual({ enabled: true, features: null });
  });

  it.each([
    ['a string', 'hello', /expected an object, got a string/],
    ['null', null, /got null/],
    ['an array', [], /got an array/],
  ])('rejects %s', (_label, value, message) => {
    expect(failure(value)).toMatchObject({ kind: 'invalid_response', message: expect.stringMatching(message) });
  });

  it.each([
    ['object', { object: 'payment_intent' }, /`object` must be "customer_session", got "payment_intent"/],
    ['client_secret', { client_secret: 42 }, /`client_secret` must be a non-empty string/],
    ['client_secret', { client_secret: '' }, /`client_secret` must be a non-empty string/],
    ['expires_at', { expires_at: '1768480200' }, /`expires_at` must be integer seconds/],
    ['expires_at', { expires_at: 1768480200.5 }, /`expires_at` must be integer seconds/],
    ['expires_at', { expires_at: 1_768_480_200_000 }, /`expires_at` is in milliseconds/],
    ['created', { created: 1_768_478_400_000 }, /`created` is in milliseconds/],
    ['created', { created: null }, /`created` must be integer seconds, got null/],
    ['created', { created: '1768478400' }, /`created` must be integer seconds, got a string/],
    ['created', { created: 1_768_478_400.25 }, /`created` must be integer seconds/],
    ['components', { components: 'all' }, /`components` must be an object/],
    ['components[buy_button][enabled]', { components: { buy_button: { enabled: 'yes' } } }, /`components\[buy_button\]\[enabled\]` must be a boolean/],
  ])('names %s when it is wrong', (_field, patch, message) => {
    const value = { ...makeCustomerSession({ created: 1_768_478_400 }), ...patch };
    expect(failure(value)).toMatchObject({ kind: 'invalid_response', message: expect.stringMatching(message) });
  });

  it('never puts the client secret in a message', () => {
    const session = makeCustomerSession();
    const messages = [
      failure({ ...session, object: 'nope' }).message,
      failure({ ...session, expires_at: 'soon' }).message,
      failure({ ...session, components: null }).message,
    ];
    for (const message of messages) expect(message).not.toContain(session.client_secret);
  });

  it('reports a session that expires before it was created as kind expired', () => {
    const session = makeCustomerSession({ created: 1_768_478_400, expires_at: 1_768_478_400 });
    expect(failure(session)).toMatchObject({ kind: 'expired' });
  });
});
