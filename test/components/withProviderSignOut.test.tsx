import { act } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { flushUntil } from '../helpers/advanceUntil';
import { button, expectSecretGone, MINUTE, renderedSecrets, SECRET_ATTR, sessionSet, setupStorefrontSuite, table } from './support/storefrontSuite';

const { clock, setup } = setupStorefrontSuite();
const everyElementHasASecret = () => table()?.hasAttribute(SECRET_ATTR) === true && button()?.hasAttribute(SECRET_ATTR) === true;

describe('sign-out drops the shown secret at once; the next customer’s arrives in place', () => {
  it('provider enabled={false}, then true again', async () => {
    const { endpoint, stripe, view } = setup();
    await flushUntil(() => everyElementHasASecret() && stripe.calls.elements.length > 0);
    const first = renderedSecrets(stripe);
    expect(stripe.calls.elements[0]?.customerSessionClientSecret).toBe(first.elements);
    expect(new Set(Object.values(first)).size).toBe(3);

    view.rerenderWith({ enabled: false });
    await flushUntil(() => stripe.calls.elements.length > 1);
    for (const secret of Object.values(first)) expectSecretGone(stripe, secret);
    expect(stripe.calls.elements[1]).toEqual({ mode: 'payment', amount: 2400, currency: 'usd' });

    view.rerenderWith({ enabled: true });
    await flushUntil(() => stripe.calls.update.length > 0 && everyElementHasASecret());
    const second = renderedSecrets(stripe);
    // The next customer's: a new session for every element, never one rendered before the sign-out.
    expect(new Set([...Object.values(first), ...Object.values(second)]).size).toBe(6);
    expect(stripe.calls.update).toEqual([{ customerSessionClientSecret: second.elements }]);
    expect(stripe.calls.elements).toHaveLength(2);
    expect(endpoint.requests).toHaveLength(2);
    expect(sessionSet(endpoint.requests[1])).toEqual(['buy_button', 'buy_button+payment_element+pricing_table', 'payment_element', 'pricing_table']);
  });

  it.each([
    ['removes its queries (removeQueries)', (client: QueryClient) => client.removeQueries()],
    ['resets its queries (resetQueries)', (client: QueryClient) => void client.resetQueries()],
  ])('the app %s: the shown secrets go at once, and the provider fetches the next customer’s session', async (_label, signOut) => {
    const appQueryClient = new QueryClient();
    const { endpoint, stripe } = setup({}, undefined, { appQueryClient });
    await flushUntil(() => everyElementHasASecret() && stripe.calls.elements.length > 0);
    const first = renderedSecrets(stripe);

    const next = endpoint.hold();
    act(() => signOut(appQueryClient));
    await flushUntil(() => endpoint.requests.length === 2 && stripe.calls.elements.length > 1);
    // Nothing of the customer's stays while the next one is asked for.
    for (const secret of Object.values(first)) expectSecretGone(stripe, secret);
    expect(stripe.calls.elements[1]).not.toHaveProperty('customerSessionClientSecret');
    // The elements' own sessions went too: each asks for a new one, in one request.
    expect(sessionSet(endpoint.requests[1])).toEqual(['buy_button', 'buy_button+payment_element+pricing_table', 'payment_element', 'pricing_table']);

    next.resolve();
    await flushUntil(() => stripe.calls.update.length > 0 && everyElementHasASecret());
    const second = renderedSecrets(stripe);
    expect(new Set([...Object.values(first), ...Object.values(second)]).size).toBe(6);
    expect(stripe.calls.update).toEqual([{ customerSessionClientSecret: second.elements }]);
    expect(stripe.calls.elements).toHaveLength(2);
    await clock.advance(MINUTE);
    expect(endpoint.requests).toHaveLength(2);
  });

  it('the app cancels a refresh in flight (cancelQueries): no sign-out, the secrets stay', async () => {
    const appQueryClient = new QueryClient();
    const { endpoint, stripe } = setup({}, undefined, { appQueryClient });
    await flushUntil(() => everyElementHasASecret() && stripe.calls.elements.length > 0);
    const first = renderedSecrets(stripe);

    endpoint.hold();
    act(() => void appQueryClient.refetchQueries());
    await flushUntil(() => endpoint.requests.length === 2);
    await act(() => appQueryClient.cancelQueries());
    await clock.advance(MINUTE);
    expect(renderedSecrets(stripe)).toEqual(first);
    expect(stripe.calls.elements).toHaveLength(1);
    expect(endpoint.requests).toHaveLength(2);
  });

  it('the app clears its client and the next session fails: everything stays anonymous', async () => {
    const appQueryClient = new QueryClient();
    const { endpoint, stripe } = setup({}, undefined, { appQueryClient });
    await flushUntil(() => everyElementHasASecret() && stripe.calls.elements.length > 0);
    const first = renderedSecrets(stripe);

    endpoint.queue(() => Response.json({ error: { type: 'invalid_request_error', message: 'Not signed in' } }, { status: 401 }));
    act(() => appQueryClient.clear());
    await flushUntil(() => endpoint.requests.length === 2 && stripe.calls.elements.length > 1);
    await clock.advance(MINUTE);
    for (const secret of Object.values(first)) expectSecretGone(stripe, secret);
    expect(stripe.calls.elements).toHaveLength(2);
    expect(endpoint.requests).toHaveLength(2);
  });
});
