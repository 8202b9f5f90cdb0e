import { redirect } from "next/navigation";
import { getMyRecord } from "@/lib/dal/partner-record";
import { getViewer } from "@/lib/dal/viewer";
import { isoDay } from "@/lib/format";

/**
 * The signed-in partner's own record as a JSON file (audited as "record.export"). Anyone else: not
 * found, as for any page that is not theirs.
 */
export async function GET() {
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  if (viewer.role !== "partner") {
    return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
  const record = await getMyRecord("json");
  const filename = `mend-record-${isoDay(record.exportedAt, viewer.timeZone)}.json`;
  return new Response(`${JSON.stringify(record, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      // Never kept by a browser or proxy cache: each copy is audited, and it is private.
      "Cache-Control": "no-store",
    },
  });
}
