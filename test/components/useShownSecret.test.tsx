import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useShownSecret } from '../../src/react/componentSecret';

// The hold shared by the web components (not sticky) and CustomerSessionElements (sticky: Elements
// cannot unset a secret). Their component tests pin it through the stand-ins; these pin the corners.
type Input = { wanted: string | null | undefined; drops: number; sticky?: boolean };
const hold = (initial: Input) => renderHook(({ wanted, drops, sticky }: Input) => useShownSecret(wanted, drops, sticky), { initialProps: initial });

describe('useShownSecret', () => {
  it('shows nothing until settled, then keeps the last secret through pending', () => {
    const view = hold({ wanted: undefined, drops: 0 });
    expect(view.result.current).toEqual([undefined, 0]);
    view.rerender({ wanted: 'a', drops: 0 });
    view.rerender({ wanted: undefined, drops: 0 });
    expect(view.result.current).toEqual(['a', 0]);
    view.rerender({ wanted: null, drops: 0 });
    expect(view.result.current).toEqual([null, 1]);
  });

  it('sticky: keeps a secret through null unless it is wanted null while not sticky (the provider is off)', () => {
    const view = hold({ wanted: 'a', drops: 0, sticky: true });
    view.rerender({ wanted: null, drops: 0, sticky: true });
    expect(view.result.current).toEqual(['a', 0]);
    view.rerender({ wanted: null, drops: 0, sticky: false });
    expect(view.result.current).toEqual([null, 1]);
  });

  it('sticky: settles on null when nothing is held yet', () => {
    const view = hold({ wanted: null, drops: 0, sticky: true });
    expect(view.result.current).toEqual([null, 0]);
  });

  it('a drop takes the shown secret at once, and costs the key even when a fresh secret lands in the same render', () => {
    const view = hold({ wanted: 'a', drops: 0, sticky: true });
    view.rerender({ wanted: undefined, drops: 1, sticky: true });
    expect(view.result.current).toEqual([null, 1]);
    view.rerender({ wanted: 'b', drops: 1, sticky: true });
    expect(view.result.current).toEqual(['b', 1]);
    view.rerender({ wanted: 'c', drops: 2, sticky: true });
    expect(view.result.current).toEqual(['c', 2]);
  });

  it('a drop before anything was shown, or while anonymous, changes nothing', () => {
    const view = hold({ wanted: undefined, drops: 0 });
    view.rerender({ wanted: undefined, drops: 1 });
    expect(view.result.current).toEqual([undefined, 0]);
    view.rerender({ wanted: null, drops: 1 });
    view.rerender({ wanted: undefined, drops: 2 });
    expect(view.result.current).toEqual([null, 0]);
  });
});
