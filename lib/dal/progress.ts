import "server-only";
import { and, asc, eq, gte, lte } from "drizzle-orm";
import { db } from "@/db/ready";
import { checkIns, promises } from "@/db/schema";
import { addIsoDays, checkInStreak, keepRate, toIsoDate } from "@/lib/metrics";
import { todayIn } from "@/lib/time/zone";
import { requirePartnerContext } from "./partner-scope";
import { ownCheckIns } from "./policy/partner-visibility";

export type ProgressPoint = { date: string; trust: number; closeness: number };

export type MyProgress = {
  today: string;
  /** My own check-ins over the window, oldest first. */
  points: ProgressPoint[];
  windowDays: number;
  streak: number;
  /** Kept ÷ (kept + broken) of promises I made; null when none has been decided yet. */
  keepRate: number | null;
  kept: number;
  broken: number;
  open: number;
};

/** The signed-in partner's own figures: trust and closeness over time, check-in streak, promise keep rate. Nothing of the other partner's. */
export async function getMyProgress(windowDays = 90): Promise<MyProgress> {
  const { viewer, coupleId } = await requirePartnerContext();
  const database = await db();
  const today = todayIn(viewer.timeZone);
  const [rows, streakRows, promiseRows] = await Promise.all([
    database
      .select({ date: checkIns.date, trust: checkIns.trust, closeness: checkIns.closeness })
      .from(checkIns)
      .where(and(ownCheckIns(viewer.id), gte(checkIns.date, addIsoDays(today, -(windowDays - 1))), lte(checkIns.date, today)))
      .orderBy(asc(checkIns.date)),
    // A streak can be longer than the chart's window; a year back is plenty.
    database
      .select({ date: checkIns.date })
      .from(checkIns)
      .where(and(ownCheckIns(viewer.id), gte(checkIns.date, addIsoDays(today, -366)), lte(checkIns.date, today))),
    database
      .select({ status: promises.status, resolvedAt: promises.resolvedAt })
      .from(promises)
      .where(and(eq(promises.coupleId, coupleId), eq(promises.madeBy, viewer.id))),
  ]);
  const outcomes = promiseRows.map((p) => ({ status: p.status, resolvedOn: p.resolvedAt ? toIsoDate(new Date(p.resolvedAt)) : null }));
  return {
    today,
    points: rows,
    windowDays,
    streak: checkInStreak(
      streakRows.map((r) => r.date),
      today,
    ),
    keepRate: keepRate(outcomes),
    kept: outcomes.filter((p) => p.status === "kept").length,
    broken: outcomes.filter((p) => p.status === "broken").length,
    open: outcomes.filter((p) => p.status === "open").length,
  };
}
