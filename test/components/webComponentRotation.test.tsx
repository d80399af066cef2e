import { act } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CustomerSessionError } from '../../src/core/errors';
import { PricingTable } from '../../src/react/webComponents';
import { resetWarnings } from '../../src/core/warnings';
import { defineStripeWebComponentStandIns } from '../../src/testing/defineStripeWebComponentStandIns';
import { makeSession, renderWithSessionState } from '../helpers/renderWithSessionState';

const MINUTE = 60_000;
const SECRET_ATTR = 'customer-session-client-secret';
const table = () => document.querySelector('stripe-pricing-table');
const advance = (ms: number) => act(() => vi.advanceTimersByTime(ms));
const ui = <PricingTable pricingTableId="prctbl_rotation" />;

beforeAll(() => {
  defineStripeWebComponentStandIns();
});
beforeEach(() => {
  resetWarnings();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.useFakeTimers({ now: new Date('2026-01-01T12:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('web component rotation policy', () => {
  it('keeps the rendered element through rotations, then re-creates it with the freshest secret 29 minutes after render', () => {
    const a = makeSession(['pricing_table']);
    const view = renderWithSessionState(ui, { session: { status: 'ready', session: a } });
    const first = table();
    expect(first?.getAttribute(SECRET_ATTR)).toBe(a.client_secret);

    advance(5 * MINUTE);
    view.setSession({ status: 'ready', session: makeSession(['pricing_table']) });
    advance(20 * MINUTE);
    const c = makeSession(['pricing_table']);
    view.setSession({ status: 'ready', session: c });
    advance(4 * MINUTE - 1);
    expect(table()).toBe(first);
    expect(first?.getAttribute(SECRET_ATTR)).toBe(a.client_secret);

    advance(1);
    const second = table();
    expect(second).not.toBe(first);
    expect(first?.isConnected).toBe(false);
    expect(second?.getAttribute(SECRET_ATTR)).toBe(c.client_secret);
    expect(document.querySelectorAll('stripe-pricing-table')).toHaveLength(1);
  });

  it('counts the next window from the re-creation, and re-creates with the same secret if it is still current', () => {
    const a = makeSession(['pricing_table'], { ttlSeconds: 3 * 3600 });
    renderWithSessionState(ui, { session: { status: 'ready', session: a } });
    const first = table();
    advance(29 * MINUTE);
    const second = table();
    expect(second).not.toBe(first);
    expect(second?.getAttribute(SECRET_ATTR)).toBe(a.client_secret);
    advance(29 * MINUTE - 1);
    expect(table()).toBe(second);
    advance(1);
    expect(table()).not.toBe(second);
  });

  it('when the window closes while the secret is expired, keeps the element and re-creates it the moment a fresh secret lands', () => {
    const a = makeSession(['pricing_table']);
    const view = renderWithSessionState(ui, { session: { status: 'ready', session: a } });
    const first = table();
    advance(28 * MINUTE);
    view.setSession({ status: 'expired', session: a });
    advance(5 * MINUTE);
    expect(table()).toBe(first);
    expect(first?.getAttribute(SECRET_ATTR)).toBe(a.client_secret);

    const b = makeSession(['pricing_table']);
    view.setSession({ status: 'ready', session: b });
    expect(table()).not.toBe(first);
    expect(table()?.getAttribute(SECRET_ATTR)).toBe(b.client_secret);
  });

  it('when the window closes after the expired session’s refresh failed, or the session stopped enabling the table, re-creates it anonymously', () => {
    const a = makeSession(['pricing_table']);
    const view = renderWithSessionState(ui, { session: { status: 'ready', session: a } });
    view.setSession({ status: 'error', session: a, error: new CustomerSessionError('network', 'offline') });
    advance(29 * MINUTE - 1);
    expect(table()?.getAttribute(SECRET_ATTR)).toBe(a.client_secret);
    advance(1);
    expect(table()?.hasAttribute(SECRET_ATTR)).toBe(false);

    const b = makeSession(['buy_button']);
    view.setSession({ status: 'ready', session: b });
    expect(table()?.hasAttribute(SECRET_ATTR)).toBe(false);
  });

  it('upgrades an anonymous element to the customer as soon as a secret arrives', () => {
    const view = renderWithSessionState(ui, { session: { status: 'error', error: new CustomerSessionError('network', 'offline') } });
    const anonymous = table();
    expect(anonymous?.hasAttribute(SECRET_ATTR)).toBe(false);
    advance(2 * MINUTE);
    const a = makeSession(['pricing_table']);
    view.setSession({ status: 'ready', session: a });
    expect(table()).not.toBe(anonymous);
    expect(table()?.getAttribute(SECRET_ATTR)).toBe(a.client_secret);
    advance(29 * MINUTE - 1);
    expect(table()?.getAttribute(SECRET_ATTR)).toBe(a.client_secret);
  });

  it.each([
    ['the session was removed (sign-out)', { status: 'pending' as const, dropped: true }],
    ['the session was removed and the next one failed', { status: 'error' as const, error: new CustomerSessionError('http', 'Not signed in', { status: 401 }), dropped: true }],
  ])('drops a rendered secret at once when %s, then takes the next customer’s at once', (_name, dropped) => {
    const a = makeSession(['pricing_table']);
    const view = renderWithSessionState(ui, { session: { status: 'ready', session: a } });
    const first = table();
    advance(MINUTE);
    view.setSession(dropped);
    const anonymous = table();
    expect(anonymous).not.toBe(first);
    expect(first?.isConnected).toBe(false);
    expect(anonymous?.hasAttribute(SECRET_ATTR)).toBe(false);
    expect(document.body.innerHTML).not.toContain(a.client_secret);
    expect(vi.getTimerCount()).toBe(0); // an anonymous element has no window to watch

    const b = makeSession(['pricing_table']);
    view.setSession({ status: 'ready', session: b });
    expect(table()).not.toBe(anonymous);
    expect(table()?.getAttribute(SECRET_ATTR)).toBe(b.client_secret);
  });

  it('after a sleep past expiry, a re-creation due before the provider noticed waits for the fresh secret instead of taking the expired one', () => {
    const a = makeSession(['pricing_table']);
    const view = renderWithSessionState(ui, { session: { status: 'ready', session: a } });
    const first = table();
    vi.setSystemTime(Date.now() + 45 * MINUTE); // the laptop slept: the clock moved, no timer ran
    advance(29 * MINUTE); // now the rotation timer fires, while the provider still says ready
    expect(table()).toBe(first);

    const b = makeSession(['pricing_table']);
    view.setSession({ status: 'ready', session: b });
    expect(table()).not.toBe(first);
    expect(table()?.getAttribute(SECRET_ATTR)).toBe(b.client_secret);
  });

  it('stops its timer on unmount', () => {
    const view = renderWithSessionState(ui, { session: { status: 'ready', session: makeSession(['pricing_table']) } });
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    view.unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
