import { act } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { flushUntil } from '../helpers/advanceUntil';
import { button, expectSecretGone, MINUTE, SECRET_ATTR, setupStorefrontSuite, table } from './support/storefrontSuite';

const { clock, setup } = setupStorefrontSuite();

describe('sign-out drops the shown secret at once; the next customer’s arrives in place', () => {
  it('provider enabled={false}, then true again', async () => {
    const { endpoint, stripe, view } = setup();
    await flushUntil(() => table()?.hasAttribute(SECRET_ATTR) === true && stripe.calls.elements.length > 0);
    const first = table()?.getAttribute(SECRET_ATTR);
    expect(stripe.calls.elements[0]?.customerSessionClientSecret).toBe(first);

    view.rerenderWith({ enabled: false });
    await flushUntil(() => stripe.calls.elements.length > 1);
    expectSecretGone(stripe, first);
    expect(stripe.calls.elements[1]).toEqual({ mode: 'payment', amount: 2400, currency: 'usd' });

    view.rerenderWith({ enabled: true });
    await flushUntil(() => stripe.calls.update.length > 0 && table()?.hasAttribute(SECRET_ATTR) === true);
    const second = table()?.getAttribute(SECRET_ATTR);
    expect(second).toMatch(/^cuss_secret_/);
    expect(second).not.toBe(first);
    expect(button()?.getAttribute(SECRET_ATTR)).toBe(second);
    expect(stripe.calls.update).toEqual([{ customerSessionClientSecret: second }]);
    expect(stripe.calls.elements).toHaveLength(2);
    expect(endpoint.requests).toHaveLength(2);
  });

  it('the app removes its queries (removeQueries), and the provider fetches the next customer’s session', async () => {
    const appQueryClient = new QueryClient();
    const { endpoint, stripe } = setup({}, undefined, { appQueryClient });
    await flushUntil(() => table()?.hasAttribute(SECRET_ATTR) === true && stripe.calls.elements.length > 0);
    const first = table()?.getAttribute(SECRET_ATTR);

    const next = endpoint.hold();
    act(() => appQueryClient.removeQueries());
    await flushUntil(() => endpoint.requests.length === 2 && stripe.calls.elements.length > 1);
    expectSecretGone(stripe, first);
    expect(stripe.calls.elements[1]).not.toHaveProperty('customerSessionClientSecret');

    next.resolve();
    await flushUntil(() => stripe.calls.update.length > 0 && table()?.hasAttribute(SECRET_ATTR) === true);
    const second = table()?.getAttribute(SECRET_ATTR);
    expect(second).not.toBe(first);
    expect(stripe.calls.update).toEqual([{ customerSessionClientSecret: second }]);
    expect(stripe.calls.elements).toHaveLength(2);
  });

  it('the app clears its client and the next session fails: everything stays anonymous', async () => {
    const appQueryClient = new QueryClient();
    const { endpoint, stripe } = setup({}, undefined, { appQueryClient });
    await flushUntil(() => table()?.hasAttribute(SECRET_ATTR) === true && stripe.calls.elements.length > 0);
    const first = table()?.getAttribute(SECRET_ATTR);

    endpoint.queue(() => Response.json({ error: { type: 'invalid_request_error', message: 'Not signed in' } }, { status: 401 }));
    act(() => appQueryClient.clear());
    await flushUntil(() => endpoint.requests.length === 2 && stripe.calls.elements.length > 1);
    await clock.advance(MINUTE);
    expectSecretGone(stripe, first);
    expect(stripe.calls.elements).toHaveLength(2);
  });
});
