import type { ReactNode } from 'react';
import type { ComponentName } from '../../src/core/componentNames';
import { SecretLine } from './SecretLine';

interface PanelProps {
  label: string;
  title: string;
  /** Which Stripe component the panel shows, as a small caption next to the title. */
  kicker: string;
  /** The component whose masked session secret is shown under the content. */
  component: ComponentName;
  children: ReactNode;
}

/** A storefront panel: heading, content, and the secret line for the component inside it. */
export function Panel({ label, title, kicker, component, children }: PanelProps) {
  return (
    <section className="panel" aria-label={label}>
      <div className="panel-head">
        <h2 className="panel-title">{title}</h2>
        <span className="panel-kicker">{kicker}</span>
      </div>
      <div className="panel-body">
        {children}
        <SecretLine component={component} />
      </div>
    </section>
  );
}
