/**
 * A client secret made safe to show: its `…_secret_` prefix and last four characters, e.g.
 * `cuss_secret_…O8gL`. Short or unprefixed secrets reveal at most four characters.
 */
export function maskClientSecret(secret: string): string {
  const prefix = /^[a-z]+_secret_/.exec(secret)?.[0] ?? '';
  const rest = secret.slice(prefix.length);
  return `${prefix}…${rest.length > 8 ? rest.slice(-4) : ''}`;
}
