import { maskClientSecret } from '../../src/testing/maskClientSecret';

/** A masked client secret, or a muted placeholder when there is none. */
export function SecretText({ secret, label = 'Client secret' }: { secret: string | null; label?: string }) {
  if (secret === null) {
    return (
      <span className="sf-secret sf-secret--none" aria-label={`${label}: none`}>
        none
      </span>
    );
  }
  return (
    <span className="sf-secret" aria-label={`${label}: ${maskClientSecret(secret)}`} data-testid="session-secret">
      {maskClientSecret(secret)}
    </span>
  );
}
