import "server-only";
import type { IsoDate } from "@/lib/metrics/dates";
import { todayIn } from "@/lib/time/zone";
import { requireViewer } from "./viewer";

/**
 * Today on the signed-in person's calendar (their own zone, else their clinic's). Pages and forms
 * use it wherever they show or check "today", never the server's clock zone.
 */
export async function getViewerToday(now: Date = new Date()): Promise<IsoDate> {
  const viewer = await requireViewer();
  return todayIn(viewer.timeZone, now);
}

/** Today on the signed-in person's clinic calendar, for clinic-wide figures and ranges. */
export async function getClinicToday(now: Date = new Date()): Promise<IsoDate> {
  const viewer = await requireViewer();
  return todayIn(viewer.clinicTimeZone, now);
}

/** The signed-in person's zone (their own, else their clinic's), for showing moments on their clock. */
export async function getViewerTimeZone(): Promise<string> {
  return (await requireViewer()).timeZone;
}
