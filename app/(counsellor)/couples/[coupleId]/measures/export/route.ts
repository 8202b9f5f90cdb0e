import { redirect } from "next/navigation";
import { exportCoupleMeasureAnswers } from "@/lib/dal/measure-export";
import { getViewer } from "@/lib/dal/viewer";

type Context = { params: Promise<{ coupleId: string }> };

/**
 * The couple's measure answers as a FHIR Bundle of QuestionnaireResponse resources, a JSON file
 * (audited as "export.download_measure_answers"). Only for the couple's counsellor: anyone else,
 * and any other couple, is not found.
 */
export async function GET(_request: Request, { params }: Context) {
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  if (viewer.role !== "counsellor") {
    return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
  const { coupleId } = await params;
  const { filename, bundle } = await exportCoupleMeasureAnswers(coupleId);
  return new Response(`${JSON.stringify(bundle, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/fhir+json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      // Never kept by a browser or proxy cache: each copy is audited, and it is clinical.
      "Cache-Control": "no-store",
    },
  });
}
