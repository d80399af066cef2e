import { StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import type { CustomerSession } from '../../src/index';
import { App } from './App';
import './demo.css';

/** The sessions the server rendered with, from the JSON island `demo/server/serverRenderedPage.ts` writes. */
function readInitialSessions(): CustomerSession[] | undefined {
  const island = document.getElementById('initial-customer-session');
  return island?.textContent ? (JSON.parse(island.textContent) as CustomerSession[] | null) ?? undefined : undefined;
}

// `/ssr`: hydrates the server HTML with the same sessions, so the first client render matches it.
hydrateRoot(
  document.getElementById('root')!,
  <StrictMode>
    <App page="server-rendered" sessions={readInitialSessions()} />
  </StrictMode>,
);
