'use client';
/** One load per script URL per page, shared by every instance. Internal; tests clear it. */
export const stripeScriptCache = /* @__PURE__ */ new Map<string, Promise<void>>();
