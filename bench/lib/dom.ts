// A jsdom window installed as Node's globals, for the React benchmarks (run with tsx, outside
// vitest). Import it before react-dom: react-dom decides at load time whether a DOM exists.
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>', { url: 'http://localhost/', pretendToBeVisual: true });
const target = globalThis as Record<string, unknown>;
target.window = dom.window;
// Node's own fetch, AbortController, Event, performance… stay; everything else the window has is added.
for (const name of Object.getOwnPropertyNames(dom.window)) {
  if (name in target || name.startsWith('_')) continue;
  target[name] = (dom.window as unknown as Record<string, unknown>)[name];
}
// React's production build checks this to decide whether to warn about act(); benches never use act.
target.IS_REACT_ACT_ENVIRONMENT = false;

export const jsdomWindow = dom.window;
