import { sql } from "drizzle-orm";
import * as schema from "../schema";
import type { Database, Executor } from "../index";
import type { ClinicRows } from "./generator";

const CHUNK = 500;

async function insertAll<T extends Record<string, unknown>>(tx: Executor, table: Parameters<Executor["insert"]>[0], rows: T[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx.insert(table).values(rows.slice(i, i + CHUNK) as never);
  }
}

/** Writes a generated clinic inside the given transaction, parents before children. */
export async function insertClinicRows(tx: Executor, rows: ClinicRows): Promise<void> {
  await tx.insert(schema.clinics).values(rows.clinic);
  await insertAll(tx, schema.users, rows.users);
  await insertAll(tx, schema.couples, rows.couples);
  await insertAll(tx, schema.coupleMembers, rows.coupleMembers);
  await insertAll(tx, schema.stepProgress, rows.stepProgress);
  await insertAll(tx, schema.assignments, rows.assignments);
  await insertAll(tx, schema.exerciseResponses, rows.exerciseResponses);
  await insertAll(tx, schema.checkIns, rows.checkIns);
  await insertAll(tx, schema.agreements, rows.agreements);
  await insertAll(tx, schema.promises, rows.promises);
  await insertAll(tx, schema.safetyConcerns, rows.safetyConcerns);
  await insertAll(tx, schema.notes, rows.notes);
}

/** Runs `write` only if no clinic exists yet; an advisory lock keeps two starting servers from both seeding. */
export async function whenEmpty(db: Database, write: (tx: Executor) => Promise<void>): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(4242)`);
    const existing = await tx.select({ id: schema.clinics.id }).from(schema.clinics).limit(1);
    if (existing.length > 0) return false;
    await write(tx);
    return true;
  });
}
