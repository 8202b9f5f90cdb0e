import Link from "next/link";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { AUDIT_PARTNER_MATCH_LIMIT, type AuditPartnerSearch } from "@/lib/dal/audit-log";
import { PARTNER_SEARCH_MAX, PARTNER_SEARCH_MIN } from "@/lib/validations/clinic";

/**
 * "Find a partner" for the audit log: a plain GET form (it works before the page hydrates), and the
 * matches as links that filter the log by that partner. Partners are searched rather than listed:
 * a clinic of 2,000 couples has 4,000 of them.
 */
export function PartnerSearch({
  value,
  problem,
  result,
  keep,
  hrefFor,
}: {
  /** What was typed, shown back in the box. */
  value: string;
  /** Why the search was not run, in words. */
  problem: string | null;
  result: AuditPartnerSearch | null;
  /** The other filters, carried through a search so they are not lost. */
  keep: Record<string, string>;
  /** The log filtered by one partner, with the other filters kept. */
  hrefFor: (id: string) => string;
}) {
  const describedBy = problem ? "audit-who-hint audit-who-error" : "audit-who-hint";
  return (
    <div id="find-partner" className="mb-4">
      {/* The fragment brings a keyboard or phone user back to the box and its matches after a search. */}
      <form method="get" action="/clinic/audit#find-partner" role="search" aria-label="Partner search" className="flex flex-wrap items-end gap-3">
        <div className="w-full sm:w-96">
          <label htmlFor="audit-who" className="mb-1 block text-sm font-medium">
            Find a partner
          </label>
          <p id="audit-who-hint" className="mb-1 text-sm text-muted">
            Part of their name or email, at least {PARTNER_SEARCH_MIN} characters.
          </p>
          <input
            id="audit-who"
            name="who"
            type="search"
            defaultValue={value}
            maxLength={PARTNER_SEARCH_MAX}
            aria-describedby={describedBy}
            aria-invalid={problem ? true : undefined}
            autoComplete="off"
            className={controlClass}
          />
          {problem ? (
            <p id="audit-who-error" className="mt-1 text-sm font-medium text-danger">
              {problem}
            </p>
          ) : null}
        </div>
        {Object.entries(keep).map(([name, kept]) => (
          <input key={name} type="hidden" name={name} value={kept} />
        ))}
        <Button type="submit" variant="secondary">
          Find
        </Button>
      </form>
      {result ? <Matches value={value} result={result} hrefFor={hrefFor} /> : null}
    </div>
  );
}

function Matches({ value, result, hrefFor }: { value: string; result: AuditPartnerSearch; hrefFor: (id: string) => string }) {
  if (result.matches.length === 0) {
    return <p className="mt-2 text-sm text-muted">No partner of this clinic matches “{value.trim()}”.</p>;
  }
  return (
    <>
      <ul aria-label={`Partners matching “${value.trim()}”`} className="mt-2 divide-y divide-line rounded-md border border-line bg-surface">
        {result.matches.map((match) => (
          <li key={match.id}>
            <Link
              href={hrefFor(match.id)}
              className="flex min-h-11 flex-wrap items-baseline gap-x-2 px-3 py-2 text-sm hover:bg-brand-soft focus-visible:bg-brand-soft"
            >
              <span className="font-medium text-brand underline underline-offset-2">{match.name}</span>
              <span className="break-all text-muted">{match.email}</span>
            </Link>
          </li>
        ))}
      </ul>
      {result.more ? (
        <p className="mt-2 text-sm text-muted">
          Showing the first {AUDIT_PARTNER_MATCH_LIMIT} matches. Type more of the name or email to narrow them.
        </p>
      ) : null}
    </>
  );
}
