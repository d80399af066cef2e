import type { CustomerSessionStatus } from '../../src/react/types';

/** The session's status as a coloured pill; `data-status` lets play functions read it. */
export function StatusBadge({ status }: { status: CustomerSessionStatus }) {
  return (
    <span className={`sf-badge sf-badge--${status}`} role="status" aria-label={`Session ${status}`} data-status={status}>
      {status}
    </span>
  );
}
