import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { isInputError } from "@/lib/actions/errors";
import { auditActionLabel } from "@/lib/audit/actions";
import { getAuditFilterOptions, listAuditLog, type AuditLogPage } from "@/lib/dal/audit-log";
import { getViewerTimeZone } from "@/lib/dal/today";
import { auditQuerySchema } from "@/lib/validations/clinic";
import { AuditTable } from "./audit-table";
import type { Metadata } from "next";

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
      <DataTableToolbar
        idPrefix="audit"
        label="Filter the audit log"
        clearHref="/clinic/audit"
        facets={[
          {
            param: "actor",
            label: "Person",
            anyLabel: "Anyone",
            value: query.actor,
            options: options.actors.map((a) => ({ value: a.id, label: a.name })),
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
