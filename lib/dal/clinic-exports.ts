import "server-only";
import { db } from "@/db/ready";
import { toCsv } from "@/lib/csv";
import { formatPercent, isoDay } from "@/lib/format";
import { SUPPRESSED_LABEL } from "@/lib/metrics/clinic";
import type { AuditQuery, DateRange } from "@/lib/validations/clinic";
import { recordAudit } from "./audit";
import { unsafeListAuditRowsForExport } from "./audit-log";
import { getClinicAggregates } from "./clinic-aggregates";
import { requireRole } from "./viewer";

/** Most rows one audit-log export carries; narrow the filter for more. */
export const AUDIT_EXPORT_LIMIT = 50_000;

export type CsvExport = { ok: true; filename: string; csv: string; rows: number } | { ok: false; message: string };

const percent = (value: number | null) => formatPercent(value, SUPPRESSED_LABEL);
const whole = (value: number | null) => (value === null ? SUPPRESSED_LABEL : String(value));

/**
 * The by-counsellor table for a range as CSV, with the same suppression as the page
 * ("fewer than 5" in place of any figure resting on fewer than 5 couples). Audited as
 * "export.download_by_counsellor" before the file is handed over; an empty range exports nothing.
 */
export async function exportByCounsellorCsv(range: DateRange): Promise<CsvExport> {
  const viewer = await requireRole("clinic_admin");
  const aggregates = await getClinicAggregates(range);
  const rows = aggregates.byCounsellor.filter((r) => r.couples !== null || r.active);
  if (!aggregates.hasCouples) {
    // Nothing worth a file, and nothing is audited.
    return { ok: false, message: "There are no couples in this range, so there is nothing to export. Choose a wider range." };
  }
  const csv = toCsv(
    ["Counsellor", "Couples", "Active couples", "Median check-in adherence", "Median promise keep rate", "Trust rose from baseline", "From", "To"],
    rows.map((r) => [
      r.active ? r.name : `${r.name} (deactivated)`,
      whole(r.couples),
      whole(r.activeCouples),
      percent(r.medianAdherence),
      percent(r.medianKeepRate),
      percent(r.roseShare),
      range.from,
      range.to,
    ]),
  );
  const database = await db();
  await recordAudit(database, {
    clinicId: viewer.clinicId,
    actorId: viewer.id,
    action: "export.download_by_counsellor",
    metadata: { rows: rows.length, from: range.from, to: range.to },
  });
  return { ok: true, filename: `by-counsellor-${range.from}-to-${range.to}.csv`, csv, rows: rows.length };
}

/**
 * The clinic's audit events matching the filter as CSV (who, action, record, when, outcome, client
 * address; no metadata, no content). Audited as "export.download_audit_log" (that event is not in the file itself).
 */
export async function exportAuditLogCsv(query: Omit<AuditQuery, "page">): Promise<CsvExport> {
  const viewer = await requireRole("clinic_admin");
  const rows = await unsafeListAuditRowsForExport(viewer, query, AUDIT_EXPORT_LIMIT);
  if (rows.length === 0) {
    return { ok: false, message: "No audit events match these filters, so there is nothing to export. Widen the filters." };
  }
  const csv = toCsv(
    ["When (UTC)", "Person", "Action", "Record type", "Record id", "Couple", "Outcome", "Address"],
    rows.map((r) => [r.at.toISOString(), r.actorName ?? "", r.action, r.entityType, r.entityId ?? "", r.coupleName ?? "", r.outcome, r.address ?? ""]),
  );
  const database = await db();
  await recordAudit(database, {
    clinicId: viewer.clinicId,
    actorId: viewer.id,
    action: "export.download_audit_log",
    metadata: {
      rows: rows.length,
      actor: query.actor ?? null,
      action: query.action ?? null,
      from: query.from ?? null,
      to: query.to ?? null,
    },
  });
  const stamp = isoDay(new Date());
  return { ok: true, filename: `audit-log-${stamp}.csv`, csv, rows: rows.length };
}
