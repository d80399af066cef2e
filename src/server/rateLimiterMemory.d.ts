// Single modules of rate-limiter-flexible: the package's root entry also loads every store (and Node's
// `cluster`), which would keep ./server off edge runtimes. Typed from the root's declarations.
declare module 'rate-limiter-flexible/lib/RateLimiterMemory.js' {
  import type { RateLimiterMemory } from 'rate-limiter-flexible';
  const RateLimiterMemoryClass: typeof RateLimiterMemory;
  export default RateLimiterMemoryClass;
}
declare module 'rate-limiter-flexible/lib/BurstyRateLimiter.js' {
  import type { BurstyRateLimiter } from 'rate-limiter-flexible';
  const BurstyRateLimiterClass: typeof BurstyRateLimiter;
  export default BurstyRateLimiterClass;
}
declare module 'rate-limiter-flexible/lib/RateLimiterUnion.js' {
  import type { RateLimiterUnion } from 'rate-limiter-flexible';
  const RateLimiterUnionClass: typeof RateLimiterUnion;
  export default RateLimiterUnionClass;
}
