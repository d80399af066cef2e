import type { ReactNode } from 'react';

/** Page background, system font and a centred column: the decorator every story renders in. */
export function StorefrontFrame({ children, docs = false }: { children: ReactNode; docs?: boolean }) {
  return (
    <div className={`sf-page${docs ? ' sf-page--docs' : ''}`}>
      <div className="sf-shell">{children}</div>
    </div>
  );
}
