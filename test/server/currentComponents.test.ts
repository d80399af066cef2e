import { createCustomerSessionHandler } from '../../src/server';
import { startSdkServer } from './sdkServer';

// stripe 23's two new components through the whole server path: policy check at creation, the
// browser's narrowing request, the SDK call and the emulator's answer.
let ctx: Awaited<ReturnType<typeof startSdkServer>>;
let handler: (request: Request) => Promise<Response>;

beforeAll(async () => {
  ctx = await startSdkServer();
  const customer = ctx.emulator.createCustomer().id;
  handler = createCustomerSessionHandler({
    stripe: ctx.stripe,
    resolveCustomer: () => customer,
    components: { customer_portal: { enabled: true }, active_entitlements: { enabled: true }, pricing_table: { enabled: true } },
  });
});
afterAll(() => ctx.server.close());

const post = (body: unknown) =>
  handler(new Request('http://shop.test/api/customer-session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }));

describe('components.customer_portal and components.active_entitlements in the server', () => {
  it('accepts them in the policy, narrows to them on request and gets them enabled from Stripe', async () => {
    const response = await post({ components: ['customer_portal'] });
    expect(response.status).toBe(200);
    expect(ctx.emulator.requests.at(-1)?.params.components).toEqual({ customer_portal: { enabled: 'true' } });
    const session = (await response.json()) as { components: Record<string, { enabled: boolean }> };
    expect(session.components.customer_portal).toEqual({ enabled: true });
    expect(session.components.active_entitlements).toEqual({ enabled: false });

    await post({ components: ['active_entitlements', 'pricing_table'] });
    expect(ctx.emulator.requests.at(-1)?.params.components).toEqual({ active_entitlements: { enabled: 'true' }, pricing_table: { enabled: 'true' } });
  });

  it('names them among the valid components when a request asks for an unknown one', async () => {
    const response = await post({ components: ['customer_session'] });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { param: string; message: string } };
    expect(error.param).toBe('components');
    expect(error.message).toMatch(/is not one of active_entitlements, buy_button, customer_portal, customer_sheet/);
  });

  it('refuses a policy that gives them features, naming the param', () => {
    const create = () =>
      createCustomerSessionHandler({
        stripe: ctx.stripe,
        resolveCustomer: () => 'cus_1',
        components: { customer_portal: { enabled: true, features: {} } as never },
      });
    expect(create).toThrow(/components\[customer_portal\]\[features\]: Received unknown parameter/);
  });
});
