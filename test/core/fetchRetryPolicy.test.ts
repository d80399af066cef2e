import { CustomerSessionError } from '../../src/core/errors';
import { hintRetryAfter, retryDelayMs, shouldRetry } from '../../src/core/retry';

const http = (status: number) => new CustomerSessionError('http', `HTTP ${status}`, { status });

describe('retry policy', () => {
  it.each([500, 502, 503, 504, 429, 408])('retries HTTP %i', (status) => {
    expect(shouldRetry(0, http(status))).toBe(true);
  });

  it.each([400, 401, 403, 404, 405, 413, 415, 422])('never retries HTTP %i', (status) => {
    expect(shouldRetry(0, http(status))).toBe(false);
  });

  it('retries network errors, never invalid responses, expired sessions, aborts or foreign errors', () => {
    expect(shouldRetry(0, new CustomerSessionError('network', 'x'))).toBe(true);
    expect(shouldRetry(0, new CustomerSessionError('invalid_response', 'x'))).toBe(false);
    expect(shouldRetry(0, new CustomerSessionError('expired', 'x'))).toBe(false);
    expect(shouldRetry(0, new CustomerSessionError('aborted', 'x'))).toBe(false);
    expect(shouldRetry(0, new Error('x'))).toBe(false);
  });

  it('stops after three retries', () => {
    const error = http(503);
    expect([0, 1, 2, 3].map((n) => shouldRetry(n, error))).toEqual([true, true, true, false]);
  });

  it('backs off exponentially from 1 s, capped at 30 s', () => {
    const error = http(500);
    expect([0, 1, 2, 3, 4, 5, 10].map((n) => retryDelayMs(n, error))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });

  it('uses a Retry-After hint instead, and gives up when it is over a minute', () => {
    const soon = http(429);
    hintRetryAfter(soon, 12_000);
    expect(retryDelayMs(0, soon)).toBe(12_000);
    expect(shouldRetry(0, soon)).toBe(true);
    const late = http(429);
    hintRetryAfter(late, 61_000);
    expect(shouldRetry(0, late)).toBe(false);
  });
});
