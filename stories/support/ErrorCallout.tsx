import type { CustomerSessionError } from '../../src/core/errors';

/** What a storefront would show a developer when the session endpoint fails: kind, status and the param. */
export function ErrorCallout({ error }: { error: CustomerSessionError }) {
  const stripeError = error.stripeError;
  return (
    <div className="sf-callout sf-callout--error" role="alert">
      <span className="sf-callout-title">
        {error.kind === 'http' ? `Endpoint answered ${error.status ?? ''}` : `Session error (${error.kind})`}
        {stripeError ? ` · ${stripeError.type}` : null}
      </span>
      {stripeError?.param ? (
        <span>
          <span className="sf-param" data-testid="error-param">
            {stripeError.param}
          </span>
        </span>
      ) : null}
      <span data-testid="error-message">{stripeError?.message ?? error.message}</span>
    </div>
  );
}
