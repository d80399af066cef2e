import { maskClientSecret } from '../../src/testing/maskClientSecret';
import type { ComponentName } from '../../src/core/componentNames';
import { useComponentSecret } from '../../src/react/elementSecret';

/** The masked customer secret this component gets from the session, through the headless hook. */
export function SecretLine({ component }: { component: ComponentName }) {
  const { clientSecret, status } = useComponentSecret(component);
  return (
    <div className="secret-line" data-testid={`secret-line-${component}`} data-status={status}>
      <span>Customer session</span>
      <span className="secret">{clientSecret ? maskClientSecret(clientSecret) : status}</span>
    </div>
  );
}
