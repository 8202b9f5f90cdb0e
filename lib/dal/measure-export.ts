import "server-only";
import { asc, eq } from "drizzle-orm";
import { db } from "@/db/ready";
import { measureResponses, measureVersions, users } from "@/db/schema";
import { isoDay } from "@/lib/format";
import { toResponseBundle } from "@/lib/measures/fhir-export";
import { recordAudit } from "./audit";
import { getCouple } from "./couples";
import { readDefinition } from "./measures";
import { requireRole } from "./viewer";

export type MeasureAnswersExport = {
  filename: string;
  /** A FHIR R4 `collection` Bundle of QuestionnaireResponse resources, oldest answer first. */
  bundle: ReturnType<typeof toResponseBundle>;
};

/**
 * Every measure answer of a couple the signed-in counsellor carries, as a FHIR Bundle of
 * QuestionnaireResponse resources, each under the version of the measure it was given with.
 * Anyone else: not found (the attempt is recorded). Audited as "export.download_measure_answers"
 * with counts only; a download that cannot be audited fails with it.
 */
export async function exportCoupleMeasureAnswers(coupleId: string, now: Date = new Date()): Promise<MeasureAnswersExport> {
  const viewer = await requireRole("counsellor");
  const couple = await getCouple(coupleId, viewer);
  const database = await db();
  const rows = await database
    .select({
      id: measureResponses.id,
      partnerId: measureResponses.userId,
      partnerName: users.name,
      submittedAt: measureResponses.submittedAt,
      answers: measureResponses.answers,
      definition: measureVersions.definition,
    })
    .from(measureResponses)
    .innerJoin(users, eq(users.id, measureResponses.userId))
    .innerJoin(measureVersions, eq(measureVersions.id, measureResponses.measureVersionId))
    .where(eq(measureResponses.coupleId, couple.id))
    .orderBy(asc(measureResponses.submittedAt));
  const responses = rows.map((r) => ({
    id: r.id,
    partnerId: r.partnerId,
    partnerName: r.partnerName,
    submittedAt: r.submittedAt.toISOString(),
    answers: r.answers as Record<string, number>,
    definition: readDefinition(r.definition),
  }));
  await recordAudit(database, {
    clinicId: viewer.clinicId,
    actorId: viewer.id,
    action: "export.download_measure_answers",
    coupleId: couple.id,
    metadata: { responses: responses.length, measures: new Set(responses.map((r) => r.definition.key)).size },
  });
  return {
    filename: `measure-answers-${isoDay(now, viewer.timeZone)}.json`,
    bundle: toResponseBundle(responses, now.toISOString()),
  };
}
