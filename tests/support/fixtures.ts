import { randomInt, randomUUID } from "node:crypto";
import { getRawDb, type Database } from "@/db";
import { ensureReady } from "@/db/ready";
import * as schema from "@/db/schema";
import { buildClinic, type ClinicRows, type Trajectory } from "@/db/seed/generator";
import { insertClinicRows } from "@/db/seed/insert";
import { hashPassword } from "@/lib/auth/password";
import { todayIn } from "@/lib/time/zone";

export const FIXTURE_PASSWORD = "correct horse battery";
let passwordHash: Promise<string> | undefined;

export type FixtureUser = { id: string; email: string; name: string; role: schema.Role; clinicId: string };
export type FixtureCouple = { id: string; name: string; counsellorId: string; partners: [FixtureUser, FixtureUser] };
export type FixtureClinic = {
  clinicId: string;
  admin: FixtureUser;
  counsellors: FixtureUser[];
  couples: FixtureCouple[];
  rows: ClinicRows;
};

/**
 * A small clinic of its own for one test file: unique ids and email addresses, so files can
 * share one database (the Postgres server in CI) without seeing each other's rows.
 */
export async function createClinic(
  options: { couplesPerCounsellor?: Trajectory[][]; days?: number; today?: string; timeZone?: string } = {},
): Promise<FixtureClinic> {
  await ensureReady();
  passwordHash ??= hashPassword(FIXTURE_PASSWORD);
  const domain = `c${randomUUID().slice(0, 8)}.test`;
  const plan = options.couplesPerCounsellor ?? [["improving", "stalled", "declining"], ["steady"]];
  const rows = buildClinic({
    seed: randomInt(1, 2 ** 31),
    today: options.today ?? todayIn(options.timeZone ?? "UTC"),
    timeZone: options.timeZone,
    days: options.days ?? 30,
    clinicName: `Test clinic ${domain}`,
    emailDomain: domain,
    passwordHash: await passwordHash,
    admin: { email: `admin@${domain}`, name: "Ada Admin" },
    counsellors: plan.map((trajectories, i) => ({
      email: `counsellor${i + 1}@${domain}`,
      name: `Counsellor ${i + 1}`,
      couples: trajectories.map((trajectory) => ({ trajectory })),
    })),
  });
  const database = db();
  await database.transaction((tx) => insertClinicRows(tx, rows));
  const user = (id: string): FixtureUser => {
    const u = rows.users.find((r) => r.id === id)!;
    return { id: u.id!, email: u.email, name: u.name, role: u.role, clinicId: u.clinicId };
  };
  const admin = rows.users.find((u) => u.role === "clinic_admin")!;
  return {
    clinicId: rows.clinic.id!,
    admin: user(admin.id!),
    counsellors: rows.users.filter((u) => u.role === "counsellor").map((u) => user(u.id!)),
    couples: rows.couples.map((c) => {
      const members = rows.coupleMembers.filter((m) => m.coupleId === c.id).sort((a, b) => a.slot.localeCompare(b.slot));
      return {
        id: c.id!,
        name: c.name,
        counsellorId: c.counsellorId,
        partners: [user(members[0]!.userId), user(members[1]!.userId)],
      };
    }),
    rows,
  };
}

export function db(): Database {
  return getRawDb();
}

/** Resolves to the digest Next.js gives `notFound()`, so a test can say "this was not found". */
export async function expectNotFound(promise: Promise<unknown>): Promise<void> {
  try {
    await promise;
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return;
    throw error;
  }
  throw new Error("expected a not-found, but the call succeeded");
}

export async function expectRedirectToLogin(promise: Promise<unknown>): Promise<void> {
  try {
    await promise;
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT") && digest.includes("/login")) return;
    throw error;
  }
  throw new Error("expected a redirect to /login, but the call succeeded");
}
