import { and, eq } from "drizzle-orm";
import * as schema from "@/db/schema";
import type { ExerciseKindId } from "@/lib/program";
import { todayIn } from "@/lib/time/zone";
import { db, type FixtureCouple } from "./fixtures";

/** Adds an active assignment for a couple (both partners unless `forUserId`), due today unless told. */
export async function addAssignment(
  couple: FixtureCouple,
  kind: ExerciseKindId,
  options: { recurrence?: "once" | "daily" | "weekly"; forUserId?: string | null; dueOn?: string; step?: number; status?: "active" | "completed" | "cancelled" } = {},
): Promise<string> {
  const [row] = await db()
    .insert(schema.assignments)
    .values({
      coupleId: couple.id,
      step: options.step ?? 1,
      exerciseKind: kind,
      forUserId: options.forUserId ?? null,
      dueOn: options.dueOn ?? todayIn("UTC"),
      recurrence: options.recurrence ?? "once",
      instructions: "Fixture instructions",
      status: options.status ?? "active",
      createdBy: couple.counsellorId,
    })
    .returning({ id: schema.assignments.id });
  return row!.id;
}

/** Removes a partner's check-in for today, so a test can make the first one. */
export async function clearTodaysCheckIn(userId: string): Promise<void> {
  await db()
    .delete(schema.checkIns)
    .where(and(eq(schema.checkIns.userId, userId), eq(schema.checkIns.date, todayIn("UTC"))));
}

/** Clears every open safety concern of a couple, as the counsellor would after speaking with them. */
export async function clearSafetyConcerns(coupleId: string): Promise<void> {
  await db()
    .update(schema.safetyConcerns)
    .set({ clearedAt: new Date() })
    .where(eq(schema.safetyConcerns.coupleId, coupleId));
}

/** A safe (no-risk) safety-screen answer. */
export const SAFE_SCREEN = {
  afraidOfPartner: "never",
  hurtOrThreatened: "never",
  controlled: "never",
  worriedAfterSessions: "never",
  safeToSpeak: "yes",
};
