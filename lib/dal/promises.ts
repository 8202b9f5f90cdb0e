import "server-only";
import { and, desc, eq, lte, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { notFound } from "next/navigation";
import type { Transaction } from "@/db";
import { db } from "@/db/ready";
import { promises, users, type PromiseStatus } from "@/db/schema";
import { InputError } from "@/lib/actions/errors";
import { keepRate, toIsoDate } from "@/lib/metrics";
import { EXERCISE_KINDS } from "@/lib/program";
import { parseDueAt, PROMISE_DUE_GRACE_MS, type PromiseInput, type PromiseOutcome } from "@/lib/validations/promises";
import { recordAudit } from "./audit";
import { findTwin, lockCreates } from "./duplicates";
import { requirePartnerContext } from "./partner-scope";
import { isOnHold, JOINT_WORK_PAUSED_MESSAGE } from "./policy/joint-work-pause";
import { lastEventWas, UNDO_WINDOW_MS, undoableUntil } from "./policy/undo-window";
import { parseIdOrNotFound } from "./scope";

export type PromiseView = {
  id: string;
  text: string;
  details: string;
  dueAt: string;
  status: PromiseStatus;
  madeByMe: boolean;
  madeByName: string;
  confirmedByName: string | null;
  resolvedAt: string | null;
  createdAt: string;
  /** The other partner may mark it kept or broken: it is open, not mine, and due. */
  canConfirm: boolean;
  /** It is open and not yet due. */
  notDueYet: boolean;
  releaseRequestedByMe: boolean;
  releaseRequestedByPartner: boolean;
  /** I marked it kept or broken moments ago: until this moment (ISO) I may take that back. */
  undoableUntil: string | null;
};

/** How long after marking a promise kept or broken the partner who marked it may take it back. */
export const PROMISE_UNDO_MS = UNDO_WINDOW_MS;

export type PromiseLedger = {
  promises: PromiseView[];
  /** Kept ÷ (kept + broken) of the promises I made; null when none has been decided. */
  myKeepRate: number | null;
  myKept: number;
  myBroken: number;
};

const confirmer = alias(users, "confirmer");

/** The couple's promises, newest first, with the signed-in partner's own keep rate (lib/metrics keepRate). */
export async function listPromises(): Promise<PromiseLedger> {
  const context = await requirePartnerContext();
  const database = await db();
  const rows = await database
    .select({
      id: promises.id,
      text: promises.text,
      details: promises.details,
      dueAt: promises.dueAt,
      status: promises.status,
      madeBy: promises.madeBy,
      madeByName: users.name,
      confirmedBy: promises.confirmedBy,
      confirmedByName: confirmer.name,
      resolvedAt: promises.resolvedAt,
      createdAt: promises.createdAt,
      releaseRequestedBy: promises.releaseRequestedBy,
    })
    .from(promises)
    .innerJoin(users, eq(users.id, promises.madeBy))
    .leftJoin(confirmer, eq(confirmer.id, promises.confirmedBy))
    .where(eq(promises.coupleId, context.coupleId))
    .orderBy(desc(promises.createdAt))
    .limit(500);
  const now = Date.now();
  const views = rows.map((r): PromiseView => {
    const mine = r.madeBy === context.viewer.id;
    const due = new Date(r.dueAt).getTime() <= now;
    return {
      id: r.id,
      text: r.text,
      details: r.details,
      dueAt: new Date(r.dueAt).toISOString(),
      status: r.status,
      madeByMe: mine,
      madeByName: r.madeByName,
      confirmedByName: r.confirmedByName,
      resolvedAt: r.resolvedAt ? new Date(r.resolvedAt).toISOString() : null,
      createdAt: new Date(r.createdAt).toISOString(),
      canConfirm: r.status === "open" && !mine && due,
      notDueYet: r.status === "open" && !due,
      releaseRequestedByMe: r.status === "open" && r.releaseRequestedBy === context.viewer.id,
      releaseRequestedByPartner: r.status === "open" && r.releaseRequestedBy !== null && r.releaseRequestedBy !== context.viewer.id,
      undoableUntil: promiseUndoableUntil(r, context.viewer.id, now),
    };
  });
  const mineOutcomes = rows
    .filter((r) => r.madeBy === context.viewer.id)
    .map((r) => ({ status: r.status, resolvedOn: r.resolvedAt ? toIsoDate(new Date(r.resolvedAt)) : null }));
  return {
    promises: views,
    myKeepRate: keepRate(mineOutcomes),
    myKept: mineOutcomes.filter((p) => p.status === "kept").length,
    myBroken: mineOutcomes.filter((p) => p.status === "broken").length,
  };
}

/**
 * Makes a promise to the other partner, due at a date and time from now on.
 *
 * @param input the promise form as parsed by `promiseInputSchema`.
 * @throws InputError on `dueAt` for a time already gone by, or while joint work is on hold.
 */
export async function makePromise(input: PromiseInput): Promise<{ id: string }> {
  const context = await requirePartnerContext();
  const dueAt = parseDueAt(input.dueAt, context.viewer.timeZone);
  if (Number.isNaN(dueAt.getTime())) throw new InputError("Please choose a real date and time.", "dueAt");
  if (dueAt.getTime() < Date.now() - PROMISE_DUE_GRACE_MS) {
    throw new InputError("Please choose a time from now on: a promise is about something still to do.", "dueAt");
  }
  const database = await db();
  return database.transaction(async (tx) => {
    if (await isOnHold(tx, context.coupleId, EXERCISE_KINDS.promise)) throw new InputError(JOINT_WORK_PAUSED_MESSAGE);
    const values = { coupleId: context.coupleId, madeBy: context.viewer.id, text: input.text, details: input.details ?? "", dueAt };
    // The same promise sent twice at once (a double click) is one promise.
    await lockCreates(tx, "promise", context.coupleId);
    const same = await findTwin(tx, promises, promises, [
      [promises.coupleId, values.coupleId],
      [promises.madeBy, values.madeBy],
      [promises.text, values.text],
      [promises.details, values.details],
      [promises.dueAt, dueAt],
    ]);
    if (same) return { id: same };
    const [row] = await tx.insert(promises).values(values).returning({ id: promises.id });
    await recordAudit(tx, {
      clinicId: context.clinicId,
      actorId: context.viewer.id,
      action: "promise.make",
      entityId: row!.id,
      coupleId: context.coupleId,
    });
    return { id: row!.id };
  });
}

function promiseUndoableUntil(
  r: { status: PromiseStatus; confirmedBy: string | null; resolvedAt: Date | string | null },
  viewerId: string,
  now: number,
): string | null {
  if ((r.status !== "kept" && r.status !== "broken") || r.confirmedBy !== viewerId) return null;
  return undoableUntil(r.resolvedAt, now);
}

async function lockPromise(tx: Transaction, coupleId: string, id: string) {
  const [row] = await tx
    .select({ id: promises.id, madeBy: promises.madeBy, status: promises.status, dueAt: promises.dueAt, releaseRequestedBy: promises.releaseRequestedBy })
    .from(promises)
    .where(and(eq(promises.id, id), eq(promises.coupleId, coupleId)))
    .for("update")
    .limit(1);
  if (!row) notFound();
  return row;
}

/**
 * Marks the other partner's promise kept or broken. Only the partner it was made to may do this,
 * only once it is due, and only once.
 */
export async function confirmPromise(promiseId: string, outcome: PromiseOutcome): Promise<void> {
  const context = await requirePartnerContext();
  const id = parseIdOrNotFound(promiseId);
  const database = await db();
  await database.transaction(async (tx) => {
    const row = await lockPromise(tx, context.coupleId, id);
    if (row.madeBy === context.viewer.id) {
      throw new InputError("This is your own promise: your partner is the one who says whether it was kept.");
    }
    if (row.status !== "open") throw new InputError("This promise has already been settled.");
    if (new Date(row.dueAt).getTime() > Date.now()) {
      throw new InputError("This promise isn't due yet. You can mark it once its time has come.");
    }
    await tx
      .update(promises)
      .set({ status: outcome, confirmedBy: context.viewer.id, resolvedAt: sql`now()` })
      .where(and(eq(promises.id, id), eq(promises.status, "open"), ne(promises.madeBy, context.viewer.id), lte(promises.dueAt, sql`now()`)));
    await recordAudit(tx, {
      clinicId: context.clinicId,
      actorId: context.viewer.id,
      action: outcome === "kept" ? "promise.confirm_kept" : "promise.confirm_broken",
      entityId: id,
      coupleId: context.coupleId,
    });
  });
}

/**
 * Asks to release an open promise, or agrees to the other partner's request. A release needs
 * both: the first request is recorded, and the promise is released when the other partner agrees.
 *
 * @returns "requested" after the first request, "released" once both agreed.
 */
export async function requestPromiseRelease(promiseId: string): Promise<"requested" | "released"> {
  const context = await requirePartnerContext();
  const id = parseIdOrNotFound(promiseId);
  const database = await db();
  return database.transaction(async (tx) => {
    const row = await lockPromise(tx, context.coupleId, id);
    if (row.status !== "open") throw new InputError("This promise has already been settled.");
    if (row.releaseRequestedBy === context.viewer.id) {
      throw new InputError("You've already asked to let this promise go. It's waiting for your partner to agree.");
    }
    const releasing = row.releaseRequestedBy !== null;
    await tx
      .update(promises)
      .set(releasing ? { status: "released", resolvedAt: sql`now()` } : { releaseRequestedBy: context.viewer.id })
      .where(eq(promises.id, id));
    await recordAudit(tx, {
      clinicId: context.clinicId,
      actorId: context.viewer.id,
      action: releasing ? "promise.release" : "promise.request_release",
      entityId: id,
      coupleId: context.coupleId,
    });
    return releasing ? "released" : "requested";
  });
}

/**
 * Takes back marking a promise kept or broken: it is open again, as if never marked. Only the
 * partner who marked it, within {@link PROMISE_UNDO_MS} of marking it, and only if nothing else
 * happened to the promise since (its latest audit event is that marking). Audited.
 *
 * @throws InputError when the window has passed or the promise changed since.
 */
export async function undoPromiseConfirmation(promiseId: string): Promise<void> {
  const context = await requirePartnerContext();
  const id = parseIdOrNotFound(promiseId);
  const database = await db();
  await database.transaction(async (tx) => {
    await lockPromise(tx, context.coupleId, id);
    const [row] = await tx
      .select({ status: promises.status, confirmedBy: promises.confirmedBy, resolvedAt: promises.resolvedAt })
      .from(promises)
      .where(eq(promises.id, id))
      .limit(1);
    if (!row || promiseUndoableUntil(row, context.viewer.id, Date.now()) === null) {
      throw new InputError("This can no longer be undone: it was marked more than 10 minutes ago, or not by you.");
    }
    const markedLast = await lastEventWas(tx, id, context.viewer.id, ["promise.confirm_kept", "promise.confirm_broken"]);
    if (!markedLast) throw new InputError("This promise has changed since you marked it, so it can't be undone.");
    await tx.update(promises).set({ status: "open", confirmedBy: null, resolvedAt: null }).where(eq(promises.id, id));
    await recordAudit(tx, {
      clinicId: context.clinicId,
      actorId: context.viewer.id,
      action: "promise.undo_confirm",
      entityId: id,
      coupleId: context.coupleId,
    });
  });
}
