import { DEMO_CLINIC_NAME, DEMO_PASSWORD } from "./accounts";
import { insertDemoMeasures } from "./demo-measures";
import { buildClinic, type ClinicSpec, type Trajectory } from "./generator";
import { insertClinicRows, whenEmpty } from "./insert";
import { hashPassword } from "../../lib/auth/password";
import { todayIn } from "../../lib/time/zone";
import type { Database } from "../index";

const DOMAIN = "demo.mend.test";

const couples = (...trajectories: Trajectory[]) => trajectories.map((trajectory) => ({ trajectory }));

/** The demo clinic's calendar: a real zone, so "today" visibly follows the clinic, not the server. */
export const DEMO_TIME_ZONE = "Europe/London";

/** Harbour Counselling: two counsellors, fourteen couples, ninety days of made-up history. */
export async function demoClinicSpec(today = todayIn(DEMO_TIME_ZONE)): Promise<ClinicSpec> {
  return {
    seed: 20261124,
    today,
    days: 90,
    clinicName: DEMO_CLINIC_NAME,
    timeZone: DEMO_TIME_ZONE,
    emailDomain: DOMAIN,
    passwordHash: await hashPassword(DEMO_PASSWORD),
    admin: { email: `admin@${DOMAIN}`, name: "Priya Raman" },
    counsellors: [
      {
        email: `counsellor@${DOMAIN}`,
        name: "Dr Helen Achebe",
        couples: [
          {
            trajectory: "improving",
            skipToday: true,
            partners: [
              { email: `alex@${DOMAIN}`, name: "Alex Morgan" },
              { email: `sam@${DOMAIN}`, name: "Sam Morgan" },
            ],
          },
          ...couples("stalled", "declining", "just_started", "steady", "improving", "paused", "declining"),
          // Merritt & Nina: one partner's screen raised a concern the counsellor has not yet cleared,
          // and joint work is not paused, so the demo shows that nothing changes for the other partner.
          { trajectory: "stalled", safetyConcern: true },
        ],
      },
      {
        email: `counsellor2@${DOMAIN}`,
        name: "Tomás Lindqvist",
        couples: couples("improving", "stalled", "declining", "just_started", "steady"),
      },
    ],
  };
}

/** Seeds the demo clinic unless the database already has a clinic. */
export async function seedDemoIfEmpty(db: Database): Promise<{ clinicName: string } | null> {
  const spec = await demoClinicSpec();
  const seeded = await whenEmpty(db, async (tx) => {
    const rows = buildClinic(spec);
    await insertClinicRows(tx, rows);
    await insertDemoMeasures(tx, rows, spec.today);
  });
  return seeded ? { clinicName: spec.clinicName } : null;
}
