import { render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { ComponentName, CustomerSession } from '../../src/index';
import type { CustomerSessionEndpointContext } from '../../src/core/fetch';
import { useComponentSecret } from '../../src/react/elementSecret';
import { makeCustomerSession } from '../../src/testing/makeCustomerSession';
import { flushUntil } from '../helpers/advanceUntil';
import { installFakeClock, settle } from '../helpers/fakeClock';
import { setupMswServer } from '../helpers/mswServer';
import { providerTree } from '../helpers/renderWithProvider';
import { createSessionEndpoint } from '../helpers/sessionEndpoint';

const server = setupMswServer();
installFakeClock();

/** An element a team renders itself: it shows its status and keeps its secret in `data-secret`. */
function Element({ component }: { component: ComponentName }): ReactElement {
  const { clientSecret, status } = useComponentSecret(component);
  return <output data-testid="element" data-secret={clientSecret ?? ''}>{status}</output>;
}

const elements = (count: number, component: ComponentName = 'pricing_table') => Array.from({ length: count }, (_, i) => <Element key={i} component={component} />);
const secrets = () => screen.getAllByTestId('element').map((el) => el.dataset.secret);
const allReady = () => screen.getAllByTestId('element').every((el) => el.textContent === 'ready');
const sessionsIn = (body: unknown) => (body as { sessions?: unknown[] }).sessions?.length ?? 1;

describe('the sessions of one commit, batched', () => {
  it('asks for at most 32 sessions per request: the provider and 33 elements are two requests, each element its own secret', async () => {
    const endpoint = createSessionEndpoint();
    server.use(endpoint.handler);
    render(providerTree(elements(33), { components: ['pricing_table'] }));
    await flushUntil(allReady);
    await settle();
    // The real handler in front refuses a batch over its maxSessionsPerRequest (32).
    expect(endpoint.requests.map((r) => sessionsIn(r.body))).toEqual([32, 2]);
    expect(new Set(secrets()).size).toBe(33);
  });

  it('calls a function endpoint that answers single sessions once per entry of the batch', async () => {
    const calls: CustomerSessionEndpointContext[] = [];
    const endpoint = async (ctx: CustomerSessionEndpointContext): Promise<CustomerSession> => {
      calls.push(ctx);
      return makeCustomerSession({ components: ctx.components });
    };
    render(providerTree([...elements(1, 'pricing_table'), ...elements(1, 'buy_button')], { endpoint, components: ['pricing_table', 'buy_button'] }));
    await flushUntil(allReady);
    await settle();
    // The first call carries the whole batch; the function answered one session, so each remaining entry is asked alone.
    expect(calls.map((c) => c.components)).toEqual([['buy_button', 'pricing_table'], ['pricing_table'], ['buy_button']]);
    expect(calls[0]?.sessions).toEqual([['buy_button', 'pricing_table'], ['pricing_table'], ['buy_button']]);
    expect(calls.slice(1).map((c) => c.sessions)).toEqual([undefined, undefined]);
    expect(new Set(secrets()).size).toBe(2);
  });

  it('calls a function endpoint that answers an array once for the whole batch', async () => {
    const calls: CustomerSessionEndpointContext[] = [];
    const endpoint = async (ctx: CustomerSessionEndpointContext): Promise<CustomerSession | CustomerSession[]> => {
      calls.push(ctx);
      return ctx.sessions ? ctx.sessions.map((list) => makeCustomerSession({ components: list })) : makeCustomerSession({ components: ctx.components });
    };
    render(providerTree(elements(3), { endpoint, components: ['pricing_table'] }));
    await flushUntil(allReady);
    await settle();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.sessions).toEqual([['pricing_table'], ['pricing_table'], ['pricing_table'], ['pricing_table']]);
    expect(new Set(secrets()).size).toBe(3);
  });

  it('refuses an array of the wrong length as an invalid_response, reaching no element', async () => {
    const endpoint = async (ctx: CustomerSessionEndpointContext): Promise<CustomerSession[]> => [makeCustomerSession({ components: ctx.components })];
    render(providerTree(elements(2), { endpoint, components: ['pricing_table'] }));
    await flushUntil(() => screen.getAllByTestId('element').every((el) => el.textContent === 'error'));
    expect(secrets()).toEqual(['', '']);
  });
});
