import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import type { CustomerSession } from '../../src/index';
import { App } from './App';

/** `/ssr` on the server: the storefront's HTML with the sessions already in it (loaded with Vite's `ssrLoadModule`). */
export function render(sessions: CustomerSession[] | undefined): string {
  return renderToString(
    <StrictMode>
      <App page="server-rendered" sessions={sessions} />
    </StrictMode>,
  );
}
