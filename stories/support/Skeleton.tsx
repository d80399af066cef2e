/** The components' `fallback` while the first session is pending. */
export function Skeleton({ label }: { label: string }) {
  return (
    <div className="sf-skeleton" role="progressbar" aria-label={label} aria-busy="true">
      <div className="sf-skeleton-line" />
      <div className="sf-skeleton-line" />
      <div className="sf-skeleton-line" />
    </div>
  );
}
