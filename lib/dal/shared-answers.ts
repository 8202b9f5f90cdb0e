import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { db } from "@/db/ready";
import { assignments, exerciseResponses } from "@/db/schema";
import { getExerciseKind, type ExerciseKindId } from "@/lib/program";
import { requirePartnerContext } from "./partner-scope";
import { exerciseResponsesVisibleTo, partnerVisiblePayload } from "./policy/partner-visibility";

/** An answer the other partner shared from work assigned to them alone. */
export type SharedWithMe = {
  id: string;
  kind: ExerciseKindId;
  title: string;
  occurrenceOn: string;
  submittedAt: string | null;
  payload: Record<string, unknown>;
};

/**
 * What the other partner shared with the signed-in partner from work assigned to them alone (a
 * trigger map, a reflection they chose to share), newest first. Work for both partners shows the
 * other's answer on the exercise itself; this is where the rest of "my partner and my counsellor"
 * becomes true. Only sent answers marked shared, never counsellor-only kinds.
 */
export async function listSharedWithMe(limit = 20): Promise<SharedWithMe[]> {
  const context = await requirePartnerContext();
  if (!context.otherId) return [];
  const database = await db();
  const rows = await database
    .select({
      id: exerciseResponses.id,
      kind: exerciseResponses.exerciseKind,
      occurrenceOn: exerciseResponses.occurrenceOn,
      submittedAt: exerciseResponses.submittedAt,
      payload: partnerVisiblePayload,
    })
    .from(exerciseResponses)
    .innerJoin(assignments, eq(assignments.id, exerciseResponses.assignmentId))
    .where(
      and(
        eq(exerciseResponses.coupleId, context.coupleId),
        eq(exerciseResponses.userId, context.otherId),
        eq(assignments.forUserId, context.otherId),
        eq(exerciseResponses.status, "submitted"),
        exerciseResponsesVisibleTo(context.viewer.id),
      ),
    )
    .orderBy(desc(exerciseResponses.submittedAt))
    .limit(limit);
  const out: SharedWithMe[] = [];
  for (const r of rows) {
    const kind = getExerciseKind(r.kind);
    if (!kind || r.payload === null) continue;
    out.push({
      id: r.id,
      kind: kind.id,
      title: kind.title,
      occurrenceOn: r.occurrenceOn,
      submittedAt: r.submittedAt ? new Date(r.submittedAt).toISOString() : null,
      payload: r.payload,
    });
  }
  return out;
}
