import { waitFor } from '@testing-library/react';
import { resetWarnings } from '../../src/core/warnings';
import type { CustomerSession } from '../../src/core/types';
import { makeCustomerSession } from '../../src/testing/makeCustomerSession';
import { captureConsole } from '../helpers/captureConsole';
import { renderWithProvider } from '../helpers/renderWithProvider';
import { createSessionRecorder } from '../helpers/sessionRecorder';

// Stripe's object lists `components` as optional and expandable: an endpoint on a current API
// version may answer without it. That must not silently disable (or enable) the wrong components.
function withoutComponents(): CustomerSession {
  const { components: _dropped, ...rest } = makeCustomerSession();
  return rest as CustomerSession;
}

describe('a session that arrives without `components`', () => {
  beforeEach(() => resetWarnings());

  it('enables exactly the components the page requested, and no others', async () => {
    const recorder = createSessionRecorder();
    const endpoint = vi.fn(async () => withoutComponents());
    renderWithProvider(<recorder.ContextProbe />, { endpoint, components: ['pricing_table', 'payment_element'] });
    await waitFor(() => expect(recorder.latest().status).toBe('ready'));
    const state = recorder.latest();
    expect(state.isEnabled('pricing_table')).toBe(true);
    expect(state.isEnabled('payment_element')).toBe(true);
    expect(state.isEnabled('buy_button')).toBe(false);
    expect(state.isEnabled('customer_portal')).toBe(false);
    expect(state.session?.components.payment_element.features).toBeNull();
    expect(endpoint).toHaveBeenCalledTimes(1);
  });

  it('enables nothing, with one development warning, when the page asked for the whole policy', async () => {
    const console = captureConsole();
    const recorder = createSessionRecorder();
    renderWithProvider(<recorder.ContextProbe />, { endpoint: async () => withoutComponents() });
    await waitFor(() => expect(recorder.latest().status).toBe('ready'));
    for (const name of ['pricing_table', 'payment_element', 'buy_button'] as const) expect(recorder.latest().isEnabled(name)).toBe(false);
    const warnings = console.calls.filter((call) => call.level === 'warn' && String(call.args[0]).includes('no `components`'));
    expect(warnings).toHaveLength(1);
    expect(console.text()).not.toContain(recorder.latest().clientSecret ?? 'no secret');
  });
});
