import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db";
import { clinicFigures } from "@/db/schema";
import type { DateRange } from "@/lib/validations/clinic";
import type { GroupFigures, SuppressedBucket } from "./clinic-aggregates";

/**
 * How old stored figures may be before the overview computes them again. A scheduled job refreshes
 * each clinic's default range well within this (lib/jobs/clinic-figures.ts), so the overview's
 * usual view never waits for the computation.
 */
export const CLINIC_FIGURES_MAX_AGE_MS = 10 * 60_000;

/** Bumped whenever the stored shape changes: a row of another version is computed again. */
export const FIGURES_VERSION = 1;

const figure = z.number().nullable();
const groupFigures = z.object({
  couples: figure,
  activeCouples: figure,
  medianAdherence: figure,
  medianKeepRate: figure,
  roseShare: figure,
}) satisfies z.ZodType<GroupFigures>;
const bucket = z.object({ label: z.string(), from: z.number(), to: z.number(), count: figure }) satisfies z.ZodType<SuppressedBucket>;

/**
 * What is stored for one clinic and range: the already-suppressed figures, with counsellors by id
 * only (their names and whether they are active are read fresh on every view). Nothing in it
 * names a couple or a partner, or carries anything a partner wrote.
 */
export const storedClinicFigures = z.object({
  version: z.literal(FIGURES_VERSION),
  hasCouples: z.boolean(),
  clinic: groupFigures,
  /** Counsellors with couples in the range's cohort, by id. */
  groups: z.array(groupFigures.extend({ counsellorId: z.string() })),
  funnel: z.array(z.object({ step: z.number(), couples: figure })),
  weeksPerStep: z.array(z.object({ step: z.number(), medianWeeks: figure })),
  weeklyCheckIns: z.array(z.object({ weekStart: z.string(), checkIns: figure })),
  adherenceDistribution: z.array(bucket),
  keepRateDistribution: z.array(bucket),
});
export type StoredClinicFigures = z.output<typeof storedClinicFigures>;

const byKey = (clinicId: string, range: DateRange) =>
  and(eq(clinicFigures.clinicId, clinicId), eq(clinicFigures.rangeFrom, range.from), eq(clinicFigures.rangeTo, range.to));

/**
 * The clinic's stored figures for exactly `range` when they were computed at most
 * {@link CLINIC_FIGURES_MAX_AGE_MS} before `now`; null when there are none, they are older, or
 * the stored value does not parse (then the caller computes them again instead of failing).
 */
export async function readFreshClinicFigures(
  executor: Executor,
  clinicId: string,
  range: DateRange,
  now: Date,
  maxAgeMs = CLINIC_FIGURES_MAX_AGE_MS,
): Promise<{ figures: StoredClinicFigures; computedAt: Date } | null> {
  const [row] = await executor
    .select({ figures: clinicFigures.figures, computedAt: clinicFigures.computedAt })
    .from(clinicFigures)
    .where(byKey(clinicId, range))
    .limit(1);
  if (!row || now.getTime() - row.computedAt.getTime() > maxAgeMs) return null;
  const parsed = storedClinicFigures.safeParse(typeof row.figures === "string" ? safeJson(row.figures) : row.figures);
  return parsed.success ? { figures: parsed.data, computedAt: row.computedAt } : null;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Stores (or replaces) the clinic's figures for `range`, computed at `computedAt`. */
export async function storeClinicFigures(
  executor: Executor,
  clinicId: string,
  range: DateRange,
  figures: StoredClinicFigures,
  computedAt: Date,
): Promise<void> {
  await executor
    .insert(clinicFigures)
    .values({ clinicId, rangeFrom: range.from, rangeTo: range.to, figures, computedAt })
    .onConflictDoUpdate({
      target: [clinicFigures.clinicId, clinicFigures.rangeFrom, clinicFigures.rangeTo],
      set: { figures: sql`excluded.figures`, computedAt: sql`excluded.computed_at` },
    });
}
