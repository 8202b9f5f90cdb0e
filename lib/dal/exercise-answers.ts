import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/ready";
import { exerciseResponses, type ResponseStatus } from "@/db/schema";
import { InputError } from "@/lib/actions/errors";
import { firstZodMessage, zodFieldErrors } from "@/lib/actions/field-errors";
import { parseAnswer } from "@/lib/program";
import { recordAudit } from "./audit";
import { exerciseToday, findMyAssignment, occurrenceFor } from "./exercises";
import { requirePartnerContext } from "./partner-scope";
import { isOnHold, JOINT_WORK_PAUSED_MESSAGE } from "./policy/joint-work-pause";
import { storedVisibility } from "./policy/partner-visibility";
import { raiseSafetyConcern } from "./policy/safety-concerns";
import type { z } from "zod";

/** Saving a partner's answer to an exercise; reading exercises is in `exercises.ts`. */

export type SaveExerciseInput = { payload: unknown; visibility?: unknown; intent: "draft" | "submit" };
export type SaveExerciseResult = { status: ResponseStatus; safetyConcern: boolean };

/** Blank text and empty rows are left out of a draft, so a half-finished form can still be kept. */
function withoutBlanks(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withoutBlanks).filter((v) => v !== undefined && !(typeof v === "object" && v !== null && Object.keys(v).length === 0));
  }
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const cleaned = withoutBlanks(v);
      if (cleaned !== undefined && !(Array.isArray(cleaned) && cleaned.length === 0)) out[k] = cleaned;
    }
    return out;
  }
  if (typeof value === "string" && value.trim() === "") return undefined;
  return value;
}

/** Every issue of an answer beside its field ("rows.0.plan"), so the form marks them all at once. */
function answerError(error: z.ZodError): InputError {
  return new InputError(firstZodMessage(error), zodFieldErrors(error));
}

/**
 * Saves the signed-in partner's answer for the current occurrence of an exercise: a draft (blank
 * fields allowed) or a sent answer (checked by the kind's schema). One row per partner and
 * occurrence — saving again edits it. While the counsellor has paused joint work, work the kind
 * does not allow during a pause is refused here, not just hidden. A sent answer whose kind says
 * it raises a safety concern (a worrying safety screen) raises one in the same transaction: it
 * alerts the counsellor only, and pauses nothing.
 */
export async function saveExerciseResponse(assignmentId: string, input: SaveExerciseInput): Promise<SaveExerciseResult> {
  const context = await requirePartnerContext();
  const database = await db();
  const assignment = await findMyAssignment(database, context, assignmentId);
  const kind = assignment.kind;
  if (assignment.status !== "active") throw new InputError("This exercise has been closed by your counsellor, so it can't be changed now.");

  let payload: Record<string, unknown>;
  let concern = false;
  if (input.intent === "submit") {
    const parsed = parseAnswer(kind.id, input.payload);
    if (!parsed.success) throw answerError(parsed.error);
    payload = parsed.data as Record<string, unknown>;
    concern = kind.raisesSafetyConcern?.(parsed.data) ?? false;
  } else {
    const schema = kind.schema as unknown as z.ZodObject;
    const parsed = schema.partial().safeParse(withoutBlanks(input.payload ?? {}));
    if (!parsed.success) throw answerError(parsed.error);
    payload = parsed.data as Record<string, unknown>;
  }
  const visibility = storedVisibility(kind, input.visibility);
  const occurrenceOn = occurrenceFor(assignment.recurrence, assignment.dueOn, exerciseToday(context, assignment.forUserId));

  return database.transaction(async (tx) => {
    if (await isOnHold(tx, context.coupleId, kind)) throw new InputError(JOINT_WORK_PAUSED_MESSAGE);
    const [existing] = await tx
      .select({ status: exerciseResponses.status })
      .from(exerciseResponses)
      .where(
        and(
          eq(exerciseResponses.assignmentId, assignment.id),
          eq(exerciseResponses.userId, context.viewer.id),
          eq(exerciseResponses.occurrenceOn, occurrenceOn),
        ),
      )
      .limit(1);
    if (existing?.status === "submitted" && input.intent === "draft") {
      throw new InputError("You've already sent this answer. You can change it and send it again instead.");
    }
    const status: ResponseStatus = input.intent === "submit" ? "submitted" : "draft";
    const [row] = await tx
      .insert(exerciseResponses)
      .values({
        assignmentId: assignment.id,
        coupleId: context.coupleId,
        userId: context.viewer.id,
        exerciseKind: kind.id,
        occurrenceOn,
        payload,
        visibility,
        status,
        submittedAt: status === "submitted" ? sql`now()` : null,
      })
      .onConflictDoUpdate({
        target: [exerciseResponses.assignmentId, exerciseResponses.userId, exerciseResponses.occurrenceOn],
        set: {
          payload,
          visibility,
          status,
          submittedAt: status === "submitted" ? sql`now()` : null,
        },
      })
      .returning({ id: exerciseResponses.id });
    await recordAudit(tx, {
      clinicId: context.clinicId,
      actorId: context.viewer.id,
      action: status === "submitted" ? "exercise_response.submit" : "exercise_response.save_draft",
      entityId: row!.id,
      coupleId: context.coupleId,
      metadata: { exerciseKind: kind.id },
    });
    if (concern) {
      const raised = await raiseSafetyConcern(tx, context.coupleId, row!.id);
      if (raised) {
        await recordAudit(tx, {
          clinicId: context.clinicId,
          actorId: context.viewer.id,
          action: "safety_concern.raise",
          entityId: raised,
          coupleId: context.coupleId,
        });
      }
    }
    return { status, safetyConcern: concern };
  });
}
