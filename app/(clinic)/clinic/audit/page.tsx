import type { Metadata } from "next";
import { Pager } from "@/components/ui/pager";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { isInputError } from "@/lib/actions/errors";
import { auditActionLabel } from "@/lib/audit/actions";
import { getAuditFilterOptions, listAuditLog, type AuditLogPage } from "@/lib/dal/audit-log";
import { isoMinute } from "@/lib/format";
import { AUDIT_OUTCOME_TONES } from "@/lib/labels";
import { auditQuerySchema } from "@/lib/validations/clinic";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };


export default async function AuditLogPage({ searchParams }: Props) {
  const params = await searchParams;
  const query = auditQuerySchema.parse(params);
  const options = await getAuditFilterOptions();
  let page: AuditLogPage | null = null;
  let problem: string | null = null;
  try {
    page = await listAuditLog(query);
  } catch (error) {
    if (!isInputError(error)) throw error;
    problem = error.message;
  }
  const filterParams = new URLSearchParams();
  if (query.actor) filterParams.set("actor", query.actor);
  if (query.action) filterParams.set("action", query.action);
  if (query.from) filterParams.set("from", query.from);
  if (query.to) filterParams.set("to", query.to);
  const pageHref = (n: number) => {
    const p = new URLSearchParams(filterParams);
    p.set("page", String(n));
    return `/clinic/audit?${p}`;
  };

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Who opened or changed which record, and when. The log never holds what a record says."
      />
      <form method="get" className="mb-4 space-y-3" role="search" aria-label="Filter the audit log">
        {problem ? <Alert tone="error">{problem}</Alert> : null}
        {params.export === "empty" ? (
          <Alert tone="info">No audit events match these filters, so there was nothing to export.</Alert>
        ) : null}
        <div className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="audit-actor" className="mb-1 block text-sm font-medium">
              Person
            </label>
            <select id="audit-actor" name="actor" defaultValue={query.actor ?? ""} className={controlClass}>
              <option value="">Anyone</option>
              {options.actors.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="audit-action" className="mb-1 block text-sm font-medium">
              Action
            </label>
            <select id="audit-action" name="action" defaultValue={query.action ?? ""} className={controlClass}>
              <option value="">Any action</option>
              {options.actions.map((a) => (
                <option key={a} value={a}>
                  {auditActionLabel(a)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="audit-from" className="mb-1 block text-sm font-medium">
              From
            </label>
            <input id="audit-from" name="from" type="date" defaultValue={query.from ?? ""} className={controlClass} />
          </div>
          <div>
            <label htmlFor="audit-to" className="mb-1 block text-sm font-medium">
              To
            </label>
            <input id="audit-to" name="to" type="date" defaultValue={query.to ?? ""} className={controlClass} />
          </div>
          <Button type="submit" variant="secondary">
            Apply
          </Button>
        </div>
      </form>

      {page ? (
        <>
          <div className="mb-2 flex justify-end">
            {page.total > 0 ? (
              <a href={`/clinic/export/audit-log?${filterParams}`} className="text-sm font-medium text-brand underline underline-offset-2">
                Download as CSV
              </a>
            ) : null}
          </div>
          <div className="overflow-x-auto rounded-lg border border-line bg-surface">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Audit events</caption>
              <thead className="bg-bg">
                <tr>
                  <th scope="col" className="px-3 py-2">When</th>
                  <th scope="col" className="px-3 py-2">Person</th>
                  <th scope="col" className="px-3 py-2">Action</th>
                  <th scope="col" className="px-3 py-2">Record</th>
                  <th scope="col" className="px-3 py-2">Couple</th>
                  <th scope="col" className="px-3 py-2">Outcome</th>
                </tr>
              </thead>
              <tbody>
                {page.rows.length === 0 ? (
                  <tr>
                    <td colSpan={6} className="px-3 py-4 text-muted">
                      No events match these filters.
                    </td>
                  </tr>
                ) : (
                  page.rows.map((r) => (
                    <tr key={r.id} className="border-t border-line align-top">
                      <td className="px-3 py-2 whitespace-nowrap">
                        <time dateTime={r.at.toISOString()}>{`${isoMinute(r.at)} UTC`}</time>
                      </td>
                      <td className="px-3 py-2">{r.actorName ?? <span className="text-muted">Unknown</span>}</td>
                      <td className="px-3 py-2 font-mono text-xs">{r.action}</td>
                      <td className="px-3 py-2">
                        {r.entityType}
                        {r.entityId ? <span className="block font-mono text-xs text-muted">{r.entityId}</span> : null}
                      </td>
                      <td className="px-3 py-2">{r.coupleName ?? ""}</td>
                      <td className="px-3 py-2">
                        <Badge tone={AUDIT_OUTCOME_TONES[r.outcome]}>{r.outcome}</Badge>
                      </td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </div>
          <Pager
            page={page.page}
            pageCount={page.pageCount}
            total={page.total}
            noun={["event", "events"]}
            hrefs={{ previous: pageHref(page.page - 1), next: pageHref(page.page + 1) }}
            labels={{ previous: "Newer events", next: "Older events" }}
          />
        </>
      ) : null}
    </>
  );
}
