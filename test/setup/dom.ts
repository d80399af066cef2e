import { notifyManager } from '@tanstack/react-query';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// TanStack Query delivers observer notifications a macrotask later by default. Tests flush them
// synchronously instead (a deterministic flush): every state a request passes through (pending,
// refreshing) reaches the page even when a stubbed endpoint answers within the same timer advance.
notifyManager.setScheduler((callback) => callback());

afterEach(() => {
  cleanup();
});
