import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { parseInput } from "@/lib/actions/action";
import { confirmPromise, listPromises, makePromise, PROMISE_UNDO_MS, undoPromiseConfirmation } from "@/lib/dal/promises";
import { promiseInputSchema } from "@/lib/validations/promises";
import { createClinic, db, expectNotFound, type FixtureClinic, type FixtureCouple } from "../support/fixtures";
import { refusal } from "../support/input-error";
import { signInAs } from "../support/session";

let clinic: FixtureClinic;
let couple: FixtureCouple;

beforeAll(async () => {
  clinic = await createClinic({ couplesPerCounsellor: [["steady", "improving"]] });
  couple = clinic.couples[0]!;
  // A new in-memory database per file: slow on a busy machine.
}, 600_000);

const promise = (text: string) => parseInput(promiseInputSchema, { text, dueAt: new Date(Date.now() - 60_000).toISOString() });

async function promiseRow(id: string) {
  const [row] = await db().select().from(schema.promises).where(eq(schema.promises.id, id));
  return row!;
}

describe("taking back a promise marked kept or broken", () => {
  it("the partner who marked it reopens it within the window, and it is audited", async () => {
    const [alex, sam] = couple.partners;
    signInAs(alex);
    const { id } = await makePromise(promise("Text when I leave work"));
    signInAs(sam);
    await confirmPromise(id, "kept");
    const marked = (await listPromises()).promises.find((p) => p.id === id)!;
    expect(marked.status).toBe("kept");
    expect(marked.undoableUntil).not.toBeNull();

    await undoPromiseConfirmation(id);
    expect(await promiseRow(id)).toMatchObject({ status: "open", confirmedBy: null, resolvedAt: null });
    const reopened = (await listPromises()).promises.find((p) => p.id === id)!;
    expect(reopened).toMatchObject({ status: "open", canConfirm: true, undoableUntil: null });
    const [event] = await db()
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.entityType, "promise"), eq(schema.auditEvents.entityId, id)))
      .orderBy(desc(schema.auditEvents.at), desc(schema.auditEvents.id))
      .limit(1);
    expect(event).toMatchObject({ action: "promise.undo_confirm", actorId: sam.id, coupleId: couple.id });

    // Marked again after the undo: it is settled as the second choice says.
    await confirmPromise(id, "broken");
    expect((await promiseRow(id)).status).toBe("broken");
  });

  it("is refused after the window, to the promise's maker, and when it is already open", async () => {
    const [alex, sam] = couple.partners;
    signInAs(alex);
    const { id } = await makePromise(promise("Put the phone away at dinner"));
    signInAs(sam);
    expect((await refusal(undoPromiseConfirmation(id))).message).toMatch(/no longer be undone/);
    await confirmPromise(id, "broken");
    signInAs(alex);
    expect((await listPromises()).promises.find((p) => p.id === id)!.undoableUntil).toBeNull();
    expect((await refusal(undoPromiseConfirmation(id))).message).toMatch(/no longer be undone/);

    signInAs(sam);
    await db()
      .update(schema.promises)
      .set({ resolvedAt: new Date(Date.now() - PROMISE_UNDO_MS - 1000) })
      .where(eq(schema.promises.id, id));
    expect((await listPromises()).promises.find((p) => p.id === id)!.undoableUntil).toBeNull();
    expect((await refusal(undoPromiseConfirmation(id))).message).toMatch(/no longer be undone/);
    expect((await promiseRow(id)).status).toBe("broken");
  });

  it("is refused when the promise changed after it was marked", async () => {
    const [alex, sam] = couple.partners;
    signInAs(alex);
    const { id } = await makePromise(promise("Share my calendar"));
    signInAs(sam);
    await confirmPromise(id, "kept");
    // Someone else acted on the record since (say, the counsellor's tooling): the undo must not overwrite it.
    await db().insert(schema.auditEvents).values({
      clinicId: clinic.clinicId,
      actorId: alex.id,
      action: "promise.release",
      entityType: "promise",
      entityId: id,
      coupleId: couple.id,
      outcome: "success",
    });
    expect((await refusal(undoPromiseConfirmation(id))).message).toMatch(/changed since/);
    expect((await promiseRow(id)).status).toBe("kept");
  });

  it("another couple's promise is not found", async () => {
    const [alex, sam] = couple.partners;
    signInAs(alex);
    const { id } = await makePromise(promise("Ours alone"));
    signInAs(sam);
    await confirmPromise(id, "kept");
    signInAs(clinic.couples[1]!.partners[0]);
    await expectNotFound(undoPromiseConfirmation(id));
    expect((await promiseRow(id)).status).toBe("kept");
  });
});
