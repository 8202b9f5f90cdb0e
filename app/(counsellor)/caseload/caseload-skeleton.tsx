/** Shown while a caseload view is fetched. */
export function CaseloadSkeleton() {
  return (
    <div role="status" aria-live="polite" className="space-y-2 rounded-lg border border-line bg-surface p-4">
      <span className="sr-only">Loading your couples…</span>
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} aria-hidden className="h-8 animate-pulse rounded bg-bg" />
      ))}
    </div>
  );
}
