// The in-memory limiter's own module: the package's root entry also loads every store (and Node's
// `cluster`), which would keep ./server off edge runtimes. Typed from the root's declarations.
declare module 'rate-limiter-flexible/lib/RateLimiterMemory.js' {
  import type { RateLimiterMemory } from 'rate-limiter-flexible';
  const RateLimiterMemoryClass: typeof RateLimiterMemory;
  export default RateLimiterMemoryClass;
}
