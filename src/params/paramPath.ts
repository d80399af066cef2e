/** Stripe's bracketed param path: `paramPath('components', 'buy_button')` → `components[buy_button]`. */
export function paramPath(parent: string, key: string | number): string {
  return parent === '' ? String(key) : `${parent}[${key}]`;
}
