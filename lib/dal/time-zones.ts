import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/ready";
import { clinics, users } from "@/db/schema";
import { InputError } from "@/lib/actions/errors";
import { isValidTimeZone } from "@/lib/time/zone";
import { recordAudit } from "./audit";
import { requireRole, requireViewer } from "./viewer";

const UNKNOWN_ZONE = "Please choose a time zone from the list.";

/**
 * Sets the clinic's time zone: the calendar of its clinic-wide figures and of everyone in it who
 * has not chosen their own. Clinic admins only; audited as "clinic.set_time_zone" with the zone.
 *
 * @returns whether the zone changed (choosing the current one again records nothing).
 * @throws InputError on `timeZone` for a name that is not an IANA zone this server knows.
 */
export async function setClinicTimeZone(timeZone: string): Promise<{ changed: boolean }> {
  const viewer = await requireRole("clinic_admin");
  // Checked here too: the database must only ever hold a zone Postgres and the runtime both read.
  if (!isValidTimeZone(timeZone)) throw new InputError(UNKNOWN_ZONE, "timeZone");
  if (timeZone === viewer.clinicTimeZone) return { changed: false };
  const database = await db();
  await database.transaction(async (tx) => {
    await tx.update(clinics).set({ timeZone }).where(eq(clinics.id, viewer.clinicId));
    await recordAudit(tx, {
      clinicId: viewer.clinicId,
      actorId: viewer.id,
      action: "clinic.set_time_zone",
      entityId: viewer.clinicId,
      metadata: { timeZone },
    });
  });
  return { changed: true };
}

/**
 * Sets the signed-in person's own time zone, or null to follow their clinic's. Their "today"
 * (check-ins, due and overdue work, streaks) follows it from the next request. Audited as
 * "user.set_time_zone".
 *
 * @throws InputError on `timeZone` for a name that is not an IANA zone this server knows.
 */
export async function setMyTimeZone(timeZone: string | null): Promise<{ changed: boolean }> {
  const viewer = await requireViewer();
  if (timeZone !== null && !isValidTimeZone(timeZone)) throw new InputError(UNKNOWN_ZONE, "timeZone");
  const database = await db();
  return database.transaction(async (tx) => {
    const [row] = await tx.select({ timeZone: users.timeZone }).from(users).where(eq(users.id, viewer.id)).limit(1);
    if (!row || row.timeZone === timeZone) return { changed: false };
    await tx
      .update(users)
      .set({ timeZone })
      .where(and(eq(users.id, viewer.id), eq(users.clinicId, viewer.clinicId)));
    await recordAudit(tx, {
      clinicId: viewer.clinicId,
      actorId: viewer.id,
      action: "user.set_time_zone",
      entityId: viewer.id,
      metadata: { timeZone },
    });
    return { changed: true };
  });
}

/** The signed-in person's own zone choice (null: their clinic's) and the clinic's zone, for the account form. */
export async function getMyTimeZoneChoice(): Promise<{ own: string | null; clinic: string }> {
  const viewer = await requireViewer();
  const database = await db();
  const [row] = await database.select({ timeZone: users.timeZone }).from(users).where(eq(users.id, viewer.id)).limit(1);
  return { own: row?.timeZone ?? null, clinic: viewer.clinicTimeZone };
}
