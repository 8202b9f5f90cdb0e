import { redirect } from "next/navigation";
import { type NextRequest } from "next/server";
import { exportByCounsellorCsv } from "@/lib/dal/clinic-exports";
import { getViewer } from "@/lib/dal/viewer";
import { todayIn } from "@/lib/time/zone";
import { parseDateRange } from "@/lib/validations/clinic";
import { csvResponse, notFoundResponse } from "../csv-response";

/** The overview's by-counsellor table for ?from&to as a CSV file (audited as "export.download_by_counsellor"). */
export async function GET(request: NextRequest) {
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  if (viewer.role !== "clinic_admin") return notFoundResponse();
  const params = Object.fromEntries(request.nextUrl.searchParams);
  const back = new URLSearchParams({ from: params.from ?? "", to: params.to ?? "" });
  const parsed = parseDateRange(params, todayIn(viewer.clinicTimeZone));
  // The overview explains what is wrong with the range.
  if (!parsed.ok) redirect(`/clinic?${back}`);
  const result = await exportByCounsellorCsv(parsed.range);
  if (!result.ok) redirect(`/clinic?${back}&export=empty`);
  return csvResponse(result.csv, result.filename);
}
