// Types for bundle.mjs (plain JS, shared with .ci/check-package.mjs).
export declare const repoRoot: string;
export declare const peerExternals: RegExp[];
export declare function bundleSnippet(
  source: string,
  options?: { external?: Array<RegExp | string> },
): Promise<{ code: string; minBytes: number; gzipBytes: number }>;
