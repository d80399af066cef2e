import type { ReactNode } from 'react';

/** A titled card of the storefront; `note` names the component inside. */
export function StoreCard({ title, note, tall = false, children }: { title: string; note: string; tall?: boolean; children: ReactNode }) {
  return (
    <section className={`sf-card${tall ? ' sf-card--tall' : ''}`} aria-label={title}>
      <div className="sf-card-head">
        <h2 className="sf-card-title">{title}</h2>
        <code className="sf-card-note">{note}</code>
      </div>
      <div className="sf-card-body">{children}</div>
    </section>
  );
}
