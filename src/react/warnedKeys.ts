'use client';

/** Keys `warnOnce` has warned about on this page. Internal; tests clear it. */
export const warnedKeys = /* @__PURE__ */ new Set<string>();
