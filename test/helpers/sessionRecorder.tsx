import type { ReactElement } from 'react';
import { useCustomerSession } from '../../src/react/useCustomerSession';
import { useCustomerSessionContext } from '../../src/react/CustomerSessionProvider';
import type { CustomerSessionState, UseCustomerSessionOptions } from '../../src/react/types';

export interface SessionRecorder {
  /** Every state rendered, in order (one entry per render of a probe). */
  states: CustomerSessionState[];
  latest(): CustomerSessionState;
  /** Renders the provider's state (`useCustomerSessionContext`). */
  ContextProbe(): ReactElement;
  /** Renders its own `useCustomerSession(options)`. */
  HookProbe(props: { options: UseCustomerSessionOptions }): ReactElement;
}

function show(state: CustomerSessionState): ReactElement {
  return <output data-testid="status">{state.status}</output>;
}

/** Probes that record what they render; they print the status only, never the secret. */
export function createSessionRecorder(): SessionRecorder {
  const states: CustomerSessionState[] = [];
  return {
    states,
    latest: () => {
      const state = states.at(-1);
      if (state === undefined) throw new Error('no state rendered yet');
      return state;
    },
    ContextProbe() {
      const state = useCustomerSessionContext();
      states.push(state);
      return show(state);
    },
    HookProbe({ options }) {
      const state = useCustomerSession(options);
      states.push(state);
      return show(state);
    },
  };
}
