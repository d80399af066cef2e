import { EndpointError } from './EndpointError';

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** `scheme://host[:port]` as browsers send it in `Origin`, or null for anything that is not just an origin. */
function originOf(text: string): string | null {
  const url = parseUrl(text);
  if (url === null || url.origin === 'null' || url.username !== '' || url.password !== '') return null;
  return url.pathname === '/' && url.search === '' && url.hash === '' ? url.origin : null;
}

/** The cross-site options as checked once, at handler creation. */
export interface CrossSitePolicy {
  /** Origins admitted besides the request's own host, each as `new URL(origin).origin` spells it. */
  allowedOrigins: ReadonlySet<string>;
  trustProxy: boolean;
}

/** Checks `allowedOrigins` and `trustProxy` once, naming the bad entry. */
export function prepareCrossSitePolicy(
  options: { allowedOrigins?: readonly string[] | undefined; trustProxy?: boolean | undefined },
  caller: string,
): CrossSitePolicy {
  const { allowedOrigins = [], trustProxy = false } = options;
  if (typeof trustProxy !== 'boolean') throw new TypeError(`${caller}: trustProxy must be a boolean, got ${String(trustProxy)}.`);
  if (!Array.isArray(allowedOrigins)) {
    throw new TypeError(`${caller}: allowedOrigins must be an array of origins such as 'https://shop.example'.`);
  }
  const origins = new Set<string>();
  allowedOrigins.forEach((entry: unknown, index) => {
    // An origin is scheme://host[:port] and nothing more: a path would silently admit nobody.
    const origin = typeof entry === 'string' ? originOf(entry) : null;
    if (origin === null) {
      throw new TypeError(`${caller}: allowedOrigins[${index}] must be an origin such as 'https://shop.example', got ${JSON.stringify(entry)}.`);
    }
    origins.add(origin);
  });
  return { allowedOrigins: origins, trustProxy };
}

function firstValue(header: string | null): string | undefined {
  const value = header?.split(',', 1)[0]?.trim();
  return value === '' ? undefined : value;
}

/** The hosts this request was addressed to, as the app sees itself: its URL, `Host`, and a trusted proxy's word. */
function ownHosts(request: Request, trustProxy: boolean): Set<string> {
  const hosts = new Set<string>();
  // The scheme is not known here (TLS may end at a proxy), so a port written out is read as the default
  // of either: `shop.test:443` is the `shop.test` an https page's Origin names, as `shop.test:80` is.
  const add = (host: string | undefined) => {
    for (const scheme of ['http', 'https']) {
      const parsed = host === undefined ? null : parseUrl(`${scheme}://${host}`);
      if (parsed !== null) hosts.add(parsed.host);
    }
  };
  add(parseUrl(request.url)?.host);
  add(firstValue(request.headers.get('host')));
  if (trustProxy) add(firstValue(request.headers.get('x-forwarded-host')));
  return hosts;
}

function refused(message: string): EndpointError {
  return new EndpointError(403, { type: 'invalid_request_error', message });
}

const shown = (value: string) => JSON.stringify(value.length > 100 ? `${value.slice(0, 97)}...` : value);

/**
 * Refuses a request a browser sent on behalf of another site, before anyone is authenticated: a
 * `Sec-Fetch-Site` other than `same-origin` or `none` (the user typed it), or an `Origin` whose host is
 * not this request's host. An origin in `allowedOrigins` is admitted either way. A request with neither
 * header (server to server, old browsers) passes: only a browser carries the visitor's cookies for
 * another site, and every current one sends these headers.
 */
export function refuseCrossSite(request: Request, policy: CrossSitePolicy): EndpointError | null {
  const origin = request.headers.get('origin');
  const normalized = origin === null ? null : originOf(origin);
  if (normalized !== null && policy.allowedOrigins.has(normalized)) return null;
  const fetchSite = request.headers.get('sec-fetch-site')?.trim().toLowerCase();
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    return refused(
      `Cross-site requests are refused (Sec-Fetch-Site: ${shown(fetchSite)}${origin === null ? '' : `, Origin ${shown(origin)}`}); ` +
        'list other origins of your own in allowedOrigins.',
    );
  }
  if (origin === null) return null;
  const originHost = normalized === null ? null : new URL(normalized).host;
  if (originHost === null || originHost === '' || !ownHosts(request, policy.trustProxy).has(originHost)) {
    return refused(
      `Cross-site requests are refused: Origin ${shown(origin)} is not this site's. ` +
        'List other origins of your own in allowedOrigins; behind a proxy that rewrites Host, set trustProxy so X-Forwarded-Host counts.',
    );
  }
  return null;
}
