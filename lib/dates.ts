import { format } from "date-fns";

/** Today's calendar date where the server runs, as yyyy-MM-dd (check-ins and due dates use it). */
export function todayIso(now: Date = new Date()): string {
  return format(now, "yyyy-MM-dd");
}
