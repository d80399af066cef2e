import { act, render, renderHook } from '@testing-library/react';
import { useMemo } from 'react';
import { CustomerSessionProvider, useCustomerSession, type CustomerSession } from '../../src/index';
import { makeCustomerSession, resetWarnings } from '../../src/testing/index';
import { captureConsole } from '../helpers/captureConsole';
import { installFakeClock } from '../helpers/fakeClock';

// A function endpoint is keyed by identity (ApiReference: "define it outside render"). Written inline,
// it is a new endpoint on every render: each render starts a new session, a hook that reads its state
// never settles (it stays `pending`, silently), and a provider under a busy parent spends a Stripe
// session per render. Development says so, once, naming the fix.
installFakeClock();
beforeEach(() => resetWarnings());

const flush = () => act(async () => void (await vi.advanceTimersByTimeAsync(0)));
const warnings = (console: ReturnType<typeof captureConsole>) => console.calls.filter((call) => call.level === 'warn').map((call) => String(call.args[0]));

describe('a function endpoint written inline', () => {
  it('useCustomerSession warns once that each render starts a new session, and says to define it outside render', async () => {
    const console = captureConsole();
    const { rerender } = renderHook(() => useCustomerSession({ endpoint: async (): Promise<CustomerSession> => makeCustomerSession(), components: ['payment_element'] }));
    await flush();
    rerender();
    await flush();
    rerender();
    await flush();
    const warned = warnings(console).filter((text) => /`endpoint`/.test(text));
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatch(/new function on (every|each) render/);
    expect(warned[0]).toMatch(/outside the component|useCallback/);
  });

  it('CustomerSessionProvider warns the same way when its parent re-renders', async () => {
    const console = captureConsole();
    const Page = () => (
      <CustomerSessionProvider endpoint={async () => makeCustomerSession()} components={['payment_element']}>
        {null}
      </CustomerSessionProvider>
    );
    const { rerender } = render(<Page />);
    await flush();
    rerender(<Page />);
    await flush();
    rerender(<Page />);
    await flush();
    expect(warnings(console).filter((text) => /`endpoint` is a new function/.test(text))).toHaveLength(1);
  });

  it('says nothing for a function made once per signed-in user (useMemo): a new endpoint on purpose', async () => {
    const console = captureConsole();
    const makeEndpoint = (token: string) => async (): Promise<CustomerSession> => makeCustomerSession({ customer: `cus_${token}` });
    const { rerender } = renderHook(({ token }) => useCustomerSession({ endpoint: useMemo(() => makeEndpoint(token), [token]), components: ['payment_element'] }), {
      initialProps: { token: 'a' },
    });
    await flush();
    rerender({ token: 'b' });
    await flush();
    rerender({ token: 'b' });
    await flush();
    rerender({ token: 'c' });
    await flush();
    expect(warnings(console).filter((text) => /`endpoint`/.test(text))).toEqual([]);
  });

  it('says nothing for a function defined once, or a URL', async () => {
    const console = captureConsole();
    const endpoint = async (): Promise<CustomerSession> => makeCustomerSession();
    const stable = renderHook(() => useCustomerSession({ endpoint, components: ['payment_element'] }));
    const url = renderHook(({ path }) => useCustomerSession({ endpoint: path, components: ['pricing_table'], enabled: false }), { initialProps: { path: '/api/a' } });
    await flush();
    stable.rerender();
    url.rerender({ path: '/api/a' });
    await flush();
    expect(stable.result.current.status).toBe('ready');
    expect(warnings(console).filter((text) => /`endpoint`/.test(text))).toEqual([]);
  });
});
