import { act } from '@testing-library/react';
import { useState } from 'react';
import { useCustomerSessionContext } from '../../src/react/CustomerSessionProvider';
import type { CustomerSessionState } from '../../src/react/types';
import { flushUntil } from '../helpers/advanceUntil';
import { installFakeClock } from '../helpers/fakeClock';
import { setupMswServer } from '../helpers/mswServer';
import { renderWithProvider } from '../helpers/renderWithProvider';
import { createSessionEndpoint } from '../helpers/sessionEndpoint';

const server = setupMswServer();
installFakeClock();
const minute = 60_000;

describe('reading the context after the clock passed expiry, before any timer ran', () => {
  it('a consumer re-rendering on its own gets no secret, and a stable state while nothing else changes', async () => {
    server.use(createSessionEndpoint().handler);
    const seen: CustomerSessionState[] = [];
    let rerenderConsumer = (): void => {};
    function Consumer() {
      const [, setTick] = useState(0);
      rerenderConsumer = () => setTick((n) => n + 1);
      seen.push(useCustomerSessionContext());
      return null;
    }
    renderWithProvider(<Consumer />, { components: ['payment_element'] });
    await flushUntil(() => seen.at(-1)?.status === 'ready');
    const ready = seen.at(-1)!;
    expect(ready.clientSecret).toMatch(/^cuss_secret_/);

    // Only the consumer re-renders: the provider's state object is unchanged and no timer has fired.
    vi.setSystemTime(Date.now() + 31 * minute);
    act(() => rerenderConsumer());
    const late = seen.at(-1)!;
    expect(late).toMatchObject({ status: 'expired', clientSecret: null, session: null });
    expect(late.isEnabled('payment_element')).toBe(false);
    expect(late.refresh).toBe(ready.refresh);

    act(() => rerenderConsumer());
    expect(seen.at(-1)).toBe(late);
  });
});
