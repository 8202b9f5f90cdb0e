import { redirect } from "next/navigation";
import { type NextRequest } from "next/server";
import { isInputError } from "@/lib/actions/errors";
import { exportAuditLogCsv } from "@/lib/dal/clinic-exports";
import { getViewer } from "@/lib/dal/viewer";
import { auditQuerySchema } from "@/lib/validations/clinic";
import { csvResponse, notFoundResponse } from "../csv-response";

/** The audit log, filtered as on its page, as a CSV file (audited as "export.download_audit_log"). */
export async function GET(request: NextRequest) {
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  if (viewer.role !== "clinic_admin") return notFoundResponse();
  const query = auditQuerySchema.omit({ page: true }).parse(Object.fromEntries(request.nextUrl.searchParams));
  const back = new URLSearchParams(request.nextUrl.searchParams);
  let result: Awaited<ReturnType<typeof exportAuditLogCsv>>;
  try {
    result = await exportAuditLogCsv(query);
  } catch (error) {
    // The log page explains what is wrong with the dates.
    if (isInputError(error)) redirect(`/clinic/audit?${back}`);
    throw error;
  }
  if (!result.ok) {
    back.set("export", "empty");
    redirect(`/clinic/audit?${back}`);
  }
  return csvResponse(result.csv, result.filename);
}
