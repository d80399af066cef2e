import { render } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { CustomerSessionProvider } from '../../src/react/CustomerSessionProvider';
import { makeCustomerSession } from '../../src/testing/makeCustomerSession';
import { flushUntil } from '../helpers/advanceUntil';
import { installFakeClock } from '../helpers/fakeClock';
import { createSessionRecorder } from '../helpers/sessionRecorder';

const clock = installFakeClock();
const gcTime = 30_000;

describe('a provider that mounts with enabled={false}', () => {
  // gap: how long after the enabled provider unmounts the disabled one mounts (0: the same macrotask).
  it.each([0, 1000])(
    'drops a session still cached from an earlier provider, so enabling fetches a new one (gap %i ms)',
    async (gap) => {
      const endpoint = vi.fn(async () => makeCustomerSession({ expires_at: Math.floor(Date.now() / 1000) + 1800 }));
      const queryClient = new QueryClient();
      const recorder = createSessionRecorder();
      const tree = (enabled: boolean) => (
        <CustomerSessionProvider endpoint={endpoint} queryClient={queryClient} enabled={enabled}>
          <recorder.ContextProbe />
        </CustomerSessionProvider>
      );
      const first = render(tree(true));
      await flushUntil(() => recorder.states.at(-1)?.status === 'ready');
      const old = recorder.latest().clientSecret;
      expect(old).toMatch(/^cuss_secret_/);
      first.unmount();
      await clock.advance(gap);

      const rendered = recorder.states.length;
      const second = render(tree(false));
      await clock.advance(gcTime + 1000);
      second.rerender(tree(true));
      await flushUntil(() => recorder.latest().status === 'ready');

      expect(endpoint).toHaveBeenCalledTimes(2);
      expect(recorder.latest().clientSecret).toMatch(/^cuss_secret_/);
      expect(recorder.latest().clientSecret).not.toBe(old);
      expect(recorder.states.slice(rendered).every((s) => s.clientSecret !== old)).toBe(true);
      second.unmount();
    },
  );

  it('cancels the deferred drop when an enabled hook is back within the macrotask, leaving no timer behind', async () => {
    const endpoint = vi.fn(async () => makeCustomerSession());
    const queryClient = new QueryClient();
    const recorder = createSessionRecorder();
    const tree = (showEnabled: boolean) => (
      <CustomerSessionProvider endpoint={endpoint} queryClient={queryClient} enabled={false}>
        {showEnabled && <recorder.HookProbe key={String(showEnabled)} options={{ endpoint }} />}
      </CustomerSessionProvider>
    );
    const view = render(tree(true));
    await flushUntil(() => recorder.states.at(-1)?.status === 'ready');
    // TanStack keeps a gc timer on a query from its last fetch until an observer is added: swap once
    // first, so the count below holds only the session's own timers.
    view.rerender(tree(false));
    view.rerender(tree(true));
    const timers = vi.getTimerCount();
    const secret = recorder.latest().clientSecret;
    view.rerender(tree(false)); // the last enabled hook leaves: a drop is due a macrotask later…
    view.rerender(tree(true)); // …but it is back first, so nothing is dropped and no timer is left
    expect(vi.getTimerCount()).toBe(timers);
    await clock.advance(1000);
    expect(recorder.latest().clientSecret).toBe(secret);
    expect(endpoint).toHaveBeenCalledTimes(1);
    view.unmount();
  });
});
