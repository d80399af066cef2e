// Node's `http`, Express, Connect and Vite middleware: the Fetch API handler from './server' served
// through `@remix-run/node-fetch-server`. Its own entry so './server' stays free of Node modules.
export { toNodeListener } from './toNodeListener';
export type { NodeListenerOptions, NodeListenerRequest, NodeListenerResponse } from './toNodeListener';
