import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './demo.css';

// `/`: rendered in the browser; the provider fetches the session from /api/customer-session.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App page="client-fetched" />
  </StrictMode>,
);
