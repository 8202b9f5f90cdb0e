import Link from "next/link";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { isInputError } from "@/lib/actions/errors";
import { auditActionLabel } from "@/lib/audit/actions";
import {
  getAuditFilterOptions,
  getAuditPartner,
  listAuditLog,
  listAuditPartnerMatches,
  type AuditLogPage,
  type AuditPartnerSearch,
} from "@/lib/dal/audit-log";
import { getViewerTimeZone } from "@/lib/dal/today";
import { auditQuerySchema } from "@/lib/validations/clinic";
import { AuditTable } from "./audit-table";
import { PartnerSearch } from "./partner-search";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The partner search as typed (a repeated parameter counts by its first value). */
function typedSearch(value: string | string[] | undefined): string {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first : "";
}

async function findPartners(search: string): Promise<{ result: AuditPartnerSearch | null; problem: string | null }> {
  if (search.trim() === "") return { result: null, problem: null };
  try {
    return { result: await listAuditPartnerMatches(search), problem: null };
  } catch (error) {
    if (!isInputError(error)) throw error;
    return { result: null, problem: error.message };
  }
}

export default async function AuditLogPage({ searchParams }: Props) {
  const params = await searchParams;
  const query = auditQuerySchema.parse(params);
  const search = typedSearch(params.who);
  const [options, partner, partners] = await Promise.all([
    getAuditFilterOptions(),
    query.actor ? getAuditPartner(query.actor) : null,
    findPartners(search),
  ]);
  let page: AuditLogPage | null = null;
  let problem: string | null = null;
  try {
    page = await listAuditLog(query);
  } catch (error) {
    if (!isInputError(error)) throw error;
    problem = error.message;
  }
  // The filters other than the person, kept when a partner is searched for, chosen or cleared.
  const others: Record<string, string> = {};
  if (query.action) others.action = query.action;
  if (query.from) others.from = query.from;
  if (query.to) others.to = query.to;
  const hrefWith = (extra: Record<string, string>) => {
    const search = new URLSearchParams({ ...extra, ...others }).toString();
    return search ? `/clinic/audit?${search}` : "/clinic/audit";
  };
  const filterParams = new URLSearchParams();
  if (query.actor) filterParams.set("actor", query.actor);
  if (query.action) filterParams.set("action", query.action);
  if (query.from) filterParams.set("from", query.from);
  if (query.to) filterParams.set("to", query.to);
  // Staff are listed; a partner chosen through the search joins the list, so applying other
  // filters keeps them and "Anyone" clears them.
  const people = options.actors.map((a) => ({ value: a.id, label: a.name }));
  if (partner) people.push({ value: partner.id, label: `${partner.name} (partner)` });

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Who opened or changed which record, and when. The log never holds what a record says."
      />
      {problem ? (
        <Alert tone="error" className="mb-3">
          {problem}
        </Alert>
      ) : null}
      {params.export === "empty" ? (
        <Alert tone="info" className="mb-3">
          No audit events match these filters, so there was nothing to export.
        </Alert>
      ) : null}
      {/* Keyed by the filters: a link that changes them (a partner chosen, "Show everyone's events")
          renders the page without reloading it, and selects only read their default when mounted. */}
      <DataTableToolbar
        key={filterParams.toString()}
        idPrefix="audit"
        label="Filter the audit log"
        clearHref="/clinic/audit"
        facets={[
          {
            param: "actor",
            label: "Person",
            anyLabel: "Anyone",
            value: query.actor,
            options: people,
          },
          {
            param: "action",
            label: "Action",
            anyLabel: "Any action",
            value: query.action,
            options: options.actions.map((a) => ({ value: a, label: auditActionLabel(a) })),
          },
        ]}
        dates={[
          { param: "from", label: "From", value: query.from },
          { param: "to", label: "To", value: query.to },
        ]}
      />
      {partner ? (
        <p className="mb-4 text-sm">
          Showing the events of <strong>{partner.name}</strong>, a partner.{" "}
          <Link href={hrefWith({})} className="font-medium text-brand underline underline-offset-2">
            Show everyone’s events
          </Link>
        </p>
      ) : null}
      <PartnerSearch key={`${search}?${filterParams}`} value={search} problem={partners.problem} result={partners.result} keep={others} hrefFor={(id) => hrefWith({ actor: id })} />

      {page ? (
        <>
          <div className="mb-2 flex justify-end">
            {page.total > 0 ? (
              <a href={`/clinic/export/audit-log?${filterParams}`} className="text-sm font-medium text-brand underline underline-offset-2">
                Download as CSV
              </a>
            ) : null}
          </div>
          <AuditTable page={page} zone={await getViewerTimeZone()} />
        </>
      ) : null}
    </>
  );
}
