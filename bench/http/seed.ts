import { and, asc, eq, sql } from "drizzle-orm";
import { getHandle, getRawDb } from "@/db";
import { runMigrations } from "@/db/migrate";
import { clinics, coupleMembers, couples, users } from "@/db/schema";
import * as schema from "@/db/schema";
import { buildClinic, type ClinicRows, type ClinicSpec, type CoupleSpec, type Trajectory } from "@/db/seed/generator";
import { hashPassword } from "@/lib/auth/password";
import { todayIn } from "@/lib/time/zone";
import { copyBatches, copyIntoPglite, copyIntoPostgres } from "./copy-rows";
import type { PGlite } from "@electric-sql/pglite";
import type postgres from "postgres";

/** Every bench account signs in with this password. */
export const BENCH_PASSWORD = process.env.BENCH_PASSWORD || "mend-demo";
export const PER_COUNSELLOR = 40;
const DAYS = 365;

type Couple = Omit<CoupleSpec, "partners">;
const several = (count: number, trajectory: Trajectory, checkInRate: [number, number], startDaysAgo?: number): Couple[] =>
  Array.from({ length: count }, () => ({ trajectory, profile: { checkInRate, silenceRate: 0.003, ...(startDaysAgo ? { startDaysAgo } : {}) } }));

/**
 * One counsellor's 40 couples. At a clinic where the daily check-in is the agreed habit, couples in
 * active work check in nearly every day (a quiet spell now and then), so a year of 2,000 couples
 * comes to about 1.3 M check-ins of the 1.46 M possible; a few couples paused and check in less,
 * a few started months into the year, and one began this week. The demo clinic keeps the
 * trajectories' own, sparser rates.
 */
const CASELOAD: Couple[] = [
  ...several(16, "improving", [0.99, 0.98]),
  ...several(13, "steady", [0.99, 0.97]),
  ...several(3, "declining", [0.96, 0.92]),
  ...several(2, "stalled", [0.94, 0.9]),
  ...several(2, "paused", [0.8, 0.7]),
  ...[150, 240, 300].flatMap((daysAgo) => several(1, "improving", [0.98, 0.96], daysAgo)),
  { trajectory: "just_started" },
];

/** The clinic's name says its shape, so a database seeded by an earlier run is found and reused. */
export function clinicName(coupleCount: number): string {
  return `Load clinic ${coupleCount} couples, ${PER_COUNSELLOR} a counsellor, ${DAYS} days`;
}
const domain = (coupleCount: number) => `load${coupleCount}.test`;

/** The load clinic of `coupleCount` couples as the generator takes it: 40 couples a counsellor, a year each. */
export function benchClinicSpec(coupleCount: number, passwordHash: string): ClinicSpec {
  return {
    seed: 40_000 + coupleCount,
    today: todayIn("UTC"),
    days: DAYS,
    clinicName: clinicName(coupleCount),
    emailDomain: domain(coupleCount),
    passwordHash,
    admin: { email: `admin@${domain(coupleCount)}`, name: "Load Admin" },
    counsellors: Array.from({ length: coupleCount / PER_COUNSELLOR }, (_, i) => ({
      email: `counsellor${i + 1}@${domain(coupleCount)}`,
      name: `Counsellor ${i + 1}`,
      couples: Array.from({ length: PER_COUNSELLOR }, (_, j) => CASELOAD[j % CASELOAD.length]!),
    })),
  };
}

export type SeededClinic = {
  coupleCount: number;
  clinicId: string;
  admin: string;
  counsellor: string;
  partner: string;
  /** The counsellor's couple with the longest history; the partner is one of its two. */
  coupleId: string;
  seededSeconds: number | null;
};

// Foreign-key order, as db/seed/insert.ts writes them.
const TABLES: [keyof ClinicRows, keyof typeof schema][] = [
  ["users", "users"],
  ["couples", "couples"],
  ["coupleMembers", "coupleMembers"],
  ["stepProgress", "stepProgress"],
  ["assignments", "assignments"],
  ["exerciseResponses", "exerciseResponses"],
  ["checkIns", "checkIns"],
  ["agreements", "agreements"],
  ["promises", "promises"],
  ["safetyConcerns", "safetyConcerns"],
  ["notes", "notes"],
];

async function writeClinic(rows: ClinicRows): Promise<void> {
  const batches = [
    ...copyBatches(schema.clinics, [rows.clinic as Record<string, unknown>]),
    ...TABLES.flatMap(([key, table]) => copyBatches(schema[table] as never, rows[key] as Record<string, unknown>[])),
  ];
  const handle = getHandle();
  const client = (handle.db as unknown as { $client: unknown }).$client;
  if (handle.kind === "postgres") await copyIntoPostgres(client as postgres.Sql, batches);
  else await copyIntoPglite(client as PGlite, batches);
}

// postgres-js answers an array of rows, PGlite an object holding them.
const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

/**
 * The check-in roll-ups follow check_ins by triggers, which COPY fires like any insert. A clinic
 * seeded before the roll-ups existed has none: it is recounted with the triggers' own function.
 */
async function fillMissingRollups(coupleCount: number): Promise<void> {
  const database = getRawDb();
  const [found] = rowsOf<{ present: boolean }>(await database.execute(sql`select to_regproc('mend_refresh_check_in_rollups') is not null as present`));
  if (!found?.present) return;
  const [clinic] = await database.select({ id: clinics.id }).from(clinics).where(eq(clinics.name, clinicName(coupleCount)));
  const [state] = rowsOf<{ filled: boolean }>(
    await database.execute(sql`select exists (select 1 from couple_check_in_days d join couples c on c.id = d.couple_id where c.clinic_id = ${clinic!.id}) as filled`),
  );
  if (state?.filled) return;
  const started = performance.now();
  await database.execute(sql`
    select mend_refresh_check_in_rollups(array_agg(couple_id), array_agg(date))
    from (select distinct ci.couple_id, ci.date from check_ins ci join couples c on c.id = ci.couple_id where c.clinic_id = ${clinic!.id}) changed`);
  console.log(`filled the check-in roll-ups of the ${coupleCount}-couple clinic in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function seedOne(coupleCount: number, passwordHash: () => Promise<string>): Promise<number | null> {
  const name = clinicName(coupleCount);
  const [existing] = await getRawDb().select({ id: clinics.id }).from(clinics).where(eq(clinics.name, name)).limit(1);
  if (existing) return null;
  const started = performance.now();
  const rows = buildClinic(benchClinicSpec(coupleCount, await passwordHash()));
  const built = performance.now();
  await writeClinic(rows);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `seeded "${name}": ${rows.users.length} people, ${rows.checkIns.length} check-ins, ${rows.promises.length} promises, ` +
      `${rows.assignments.length} assignments, ${rows.exerciseResponses.length} answers, ${rows.notes.length} notes ` +
      `in ${seconds.toFixed(1)} s (generate ${((built - started) / 1000).toFixed(1)} s, COPY ${((performance.now() - built) / 1000).toFixed(1)} s)`,
  );
  return seconds;
}

async function describe(coupleCount: number, seededSeconds: number | null): Promise<SeededClinic> {
  const database = getRawDb();
  const [clinic] = await database.select({ id: clinics.id }).from(clinics).where(eq(clinics.name, clinicName(coupleCount)));
  const counsellor = `counsellor1@${domain(coupleCount)}`;
  const [couple] = await database
    .select({ id: couples.id })
    .from(couples)
    .innerJoin(users, eq(users.id, couples.counsellorId))
    .where(and(eq(users.email, counsellor), eq(couples.status, "active")))
    .orderBy(asc(couples.startedOn), asc(couples.name))
    .limit(1);
  const [partner] = await database
    .select({ email: users.email })
    .from(coupleMembers)
    .innerJoin(users, eq(users.id, coupleMembers.userId))
    .where(eq(coupleMembers.coupleId, couple!.id))
    .orderBy(asc(users.email))
    .limit(1);
  return { coupleCount, clinicId: clinic!.id, admin: `admin@${domain(coupleCount)}`, counsellor, partner: partner!.email, coupleId: couple!.id, seededSeconds };
}

/**
 * Migrates the database the environment names, then seeds the two load clinics (2,000 and 200
 * couples, 40 per counsellor, a year of history) unless an earlier run already did, and analyses.
 * Every account gets one real password hash, made once.
 */
export async function seedBenchClinics(): Promise<{ clinics: SeededClinic[]; seedSeconds: number; reused: boolean }> {
  const started = performance.now();
  await runMigrations();
  let hash: Promise<string> | undefined;
  const passwordHash = () => (hash ??= hashPassword(BENCH_PASSWORD));
  const big = await seedOne(2000, passwordHash);
  const small = await seedOne(200, passwordHash);
  const reused = big === null && small === null;
  await fillMissingRollups(2000);
  await fillMissingRollups(200);
  await getRawDb().execute(sql`analyze`);
  const seedSeconds = (performance.now() - started) / 1000;
  const result = [await describe(2000, big), await describe(200, small)];
  console.log(
    reused ? `reused the seeded clinics (${seedSeconds.toFixed(1)} s to migrate and analyse)` : `seeding took ${seedSeconds.toFixed(1)} s in all (migrate, generate, COPY, analyse)`,
  );
  console.log(`every account's password: ${BENCH_PASSWORD}; e.g. ${result[0]!.admin}, ${result[0]!.counsellor}, ${result[0]!.partner}, ${result[1]!.admin}`);
  return { clinics: result, seedSeconds, reused };
}
