import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, lt, sql } from "drizzle-orm";
import { z } from "zod";
import { clinicFigures, clinics } from "@/db/schema";
import { computeClinicFigures } from "@/lib/dal/clinic-aggregates";
import { storeClinicFigures } from "@/lib/dal/clinic-figures";
import { selectRows } from "@/lib/dal/rows";
import { todayIn } from "@/lib/time/zone";
import { parseDateRange } from "@/lib/validations/clinic";
import { runAsSystem } from "./system";

export const CLINIC_FIGURES_JOB = "clinic-figures";

/** How often the figures are refreshed unless MEND_CLINIC_FIGURES_REFRESH_MS says otherwise (0: never). */
export const DEFAULT_REFRESH_MS = 5 * 60_000;
/** The first run comes shortly after start, once the server has settled. */
const FIRST_RUN_DELAY_MS = 15_000;
/** Figures computed this recently (by another process, or a view of the page) are left as they are. */
const FRESH_ENOUGH_MS = 60_000;
/** Stored ranges nobody has asked for in a day are deleted, so odd ranges do not pile up. */
const KEEP_UNUSED_MS = 24 * 60 * 60_000;

export type RefreshOutcome = { computed: string[]; skipped: string[] };

/**
 * Recomputes, for every clinic, the figures of the range the overview opens on (the default that
 * parseDateRange gives for the clinic's own today) and stores them, so the overview reads them
 * instead of computing. Each clinic is computed in its own short transaction under a transaction
 * advisory lock on that clinic: with several server processes, one computes and the others skip
 * it (and a run that finds figures computed within the last minute leaves them). Returns which
 * clinics were computed and which were skipped.
 */
export async function refreshClinicFigures(now: Date = new Date()): Promise<RefreshOutcome> {
  return runAsSystem(CLINIC_FIGURES_JOB, async (job) => {
    const outcome: RefreshOutcome = { computed: [], skipped: [] };
    const all = await job.db.select({ id: clinics.id, timeZone: clinics.timeZone }).from(clinics).orderBy(asc(clinics.id));
    for (const clinic of all) {
      const parsed = parseDateRange({}, todayIn(clinic.timeZone, now));
      if (!parsed.ok) continue;
      const range = parsed.range;
      const computed = await job.db.transaction(async (tx) => {
        const [lock] = await selectRows(
          tx,
          z.object({ locked: z.boolean() }),
          sql`select pg_try_advisory_xact_lock(hashtext(${CLINIC_FIGURES_JOB}), hashtext(${clinic.id})) as locked`,
        );
        if (!lock?.locked) return false;
        const [recent] = await tx
          .select({ computedAt: clinicFigures.computedAt })
          .from(clinicFigures)
          .where(and(eq(clinicFigures.clinicId, clinic.id), eq(clinicFigures.rangeFrom, range.from), eq(clinicFigures.rangeTo, range.to)))
          .limit(1);
        if (recent && Math.abs(now.getTime() - recent.computedAt.getTime()) < FRESH_ENOUGH_MS) return false;
        const figures = await computeClinicFigures(tx, { clinicId: clinic.id, clinicTimeZone: clinic.timeZone }, range);
        await storeClinicFigures(tx, clinic.id, range, figures, now);
        return true;
      });
      (computed ? outcome.computed : outcome.skipped).push(clinic.id);
    }
    await job.db.delete(clinicFigures).where(lt(clinicFigures.computedAt, new Date(now.getTime() - KEEP_UNUSED_MS)));
    return outcome;
  });
}

/** The refresh interval from MEND_CLINIC_FIGURES_REFRESH_MS: a whole number of ms, 0 to turn it off. */
export function refreshIntervalMs(value = process.env.MEND_CLINIC_FIGURES_REFRESH_MS): number {
  if (value === undefined || value.trim() === "") return DEFAULT_REFRESH_MS;
  const ms = Number(value);
  return Number.isInteger(ms) && ms >= 0 ? ms : DEFAULT_REFRESH_MS;
}

let started = false;

/**
 * Starts refreshing the clinic figures every {@link refreshIntervalMs} (first run shortly after
 * start), once per process. A failed run is logged and the next one tries again; the timers never
 * keep the process alive. Called by the server at start (instrumentation.ts), never by a request.
 */
export function startClinicFiguresRefresh(): void {
  const every = refreshIntervalMs();
  if (started || every === 0) return;
  started = true;
  let running = false;
  const run = () => {
    // A slow run is not joined by the next one: it skips its turn.
    if (running) return;
    running = true;
    refreshClinicFigures()
      .catch((error: unknown) => {
        console.error(`[mend] job ${CLINIC_FIGURES_JOB} failed ${randomUUID().slice(0, 8)}`, error instanceof Error ? error.message : error);
      })
      .finally(() => {
        running = false;
      });
  };
  setTimeout(run, Math.min(FIRST_RUN_DELAY_MS, every)).unref();
  setInterval(run, every).unref();
}
