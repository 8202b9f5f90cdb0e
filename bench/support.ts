import { eq, sql } from "drizzle-orm";
import { getRawDb } from "@/db";
import { ensureReady } from "@/db/ready";
import { clinics, couples, users } from "@/db/schema";
import { buildClinic, type Trajectory } from "@/db/seed/generator";
import { insertClinicRows } from "@/db/seed/insert";
import { todayIn } from "@/lib/time/zone";

const MIX: Trajectory[] = ["improving", "stalled", "declining", "steady", "improving", "paused", "steady", "declining", "just_started", "improving"];

let analysed = false;

export type BenchClinic = { clinicId: string; adminId: string; counsellorIds: string[]; coupleIds: string[] };

/**
 * A clinic of `coupleCount` couples with `days` of history, split over counsellors of
 * `perCounsellor` couples each. Seeded once and reused by later runs (found by name).
 */
export async function benchClinic(coupleCount: number, perCounsellor: number, days = 365): Promise<BenchClinic> {
  await ensureReady();
  const database = getRawDb();
  const name = `Bench clinic ${coupleCount} couples, ${days} days`;
  let [clinic] = await database.select({ id: clinics.id }).from(clinics).where(eq(clinics.name, name)).limit(1);
  if (!clinic) {
    const started = Date.now();
    const domain = `bench${coupleCount}.test`;
    const counsellorCount = Math.ceil(coupleCount / perCounsellor);
    const rows = buildClinic({
      seed: coupleCount,
      today: todayIn("UTC"),
      days,
      clinicName: name,
      emailDomain: domain,
      passwordHash: "not-a-real-hash",
      admin: { email: `admin@${domain}`, name: "Bench Admin" },
      counsellors: Array.from({ length: counsellorCount }, (_, i) => ({
        email: `counsellor${i + 1}@${domain}`,
        name: `Counsellor ${i + 1}`,
        couples: Array.from({ length: Math.min(perCounsellor, coupleCount - i * perCounsellor) }, (_, j) => ({ trajectory: MIX[j % MIX.length]! })),
      })),
    });
    await database.transaction((tx) => insertClinicRows(tx, rows));
    // Fresh planner statistics, as autovacuum would give a long-running server (PGlite has none).
    await database.execute(sql`analyze`);
    console.log(`seeded "${name}": ${rows.checkIns.length} check-ins, ${rows.promises.length} promises, ${rows.exerciseResponses.length} answers in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    clinic = { id: rows.clinic.id! };
  }
  if (!analysed) {
    await database.execute(sql`analyze`);
    analysed = true;
  }
  const people = await database.select({ id: users.id, role: users.role }).from(users).where(eq(users.clinicId, clinic.id));
  const coupleRows = await database.select({ id: couples.id }).from(couples).where(eq(couples.clinicId, clinic.id));
  return {
    clinicId: clinic.id,
    adminId: people.find((p) => p.role === "clinic_admin")!.id,
    counsellorIds: people.filter((p) => p.role === "counsellor").map((p) => p.id),
    coupleIds: coupleRows.map((c) => c.id),
  };
}

export function actAs(user: { id: string; role: string; clinicId: string }) {
  (globalThis as { __mendTestSession?: unknown }).__mendTestSession = {
    user: { id: user.id, role: user.role, clinicId: user.clinicId, sessionVersion: 1 },
    expires: "2999-01-01",
  };
}

export type Timing = { name: string; runs: number; p50: number; p95: number; max: number };

/** Runs `fn` a few times to warm up, then `runs` times, and reports percentiles in milliseconds. */
export async function measure(name: string, fn: () => Promise<unknown>, runs = 30): Promise<Timing> {
  for (let i = 0; i < 3; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { name, runs, p50: at(0.5), p95: at(0.95), max: samples.at(-1)! };
}

export function report(title: string, timings: Timing[]) {
  const lines = [`\n${title}`, "function".padEnd(58) + "p50 ms".padStart(9) + "p95 ms".padStart(9) + "max ms".padStart(9)];
  for (const t of timings) lines.push(t.name.padEnd(58) + t.p50.toFixed(1).padStart(9) + t.p95.toFixed(1).padStart(9) + t.max.toFixed(1).padStart(9));
  console.log(lines.join("\n"));
}
