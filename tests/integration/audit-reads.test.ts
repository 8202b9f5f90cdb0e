import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as schema from "@/db/schema";
import { CLINIC_AUDIT_ACTIONS, CONFIDENTIAL_AUDIT_ACTIONS } from "@/lib/audit/actions";
import { recordAudit } from "@/lib/dal/audit";
import { listAuditLog } from "@/lib/dal/audit-log";
import { verifySignIn } from "@/lib/dal/auth";
import { exportAuditLogCsv } from "@/lib/dal/clinic-exports";
import { getCouplePage } from "@/lib/dal/couple-page";
import { getCouple } from "@/lib/dal/couples";
import { getNote } from "@/lib/dal/notes";
import { PEER_ADDRESS_HEADER } from "@/lib/http/client-address";
import { runAsSystem } from "@/lib/jobs/system";
import { auditQuerySchema } from "@/lib/validations/clinic";
import { couplePageQuerySchema } from "@/lib/validations/couple-page";
import { createClinic, db, expectNotFound, FIXTURE_PASSWORD, type FixtureClinic, type FixtureCouple } from "../support/fixtures";
import { signInAs } from "../support/session";

/**
 * The audit trail answers a records request: every read of a couple's clinical data by staff, each
 * refused lookup, each sign-in, with who, what, which record, when, the client's address and the
 * outcome, and never what the record says. The request's address comes from the headers the
 * server stamps (here, a stand-in for next/headers).
 */
const request = vi.hoisted(() => ({ address: "203.0.113.7" as string | null }));
vi.mock("next/headers", () => ({
  headers: async () => {
    if (request.address === null) throw new Error("`headers` was called outside a request scope");
    return new Headers({ "x-mend-peer-address": request.address });
  },
}));

let clinic: FixtureClinic;
let couple: FixtureCouple;
let otherCouple: FixtureCouple;
let counsellorId: string;
let otherCounsellorId: string;
let noteId: string;
const NOTE_MARKER = "MARKER-AUDIT-NOTE-4b1d";

const counsellor = () => clinic.counsellors.find((c) => c.id === counsellorId)!;
const otherCounsellor = () => clinic.counsellors.find((c) => c.id === otherCounsellorId)!;
const auditQuery = (input: Record<string, unknown> = {}) => auditQuerySchema.parse(input);

async function eventsFor(where: { actorId?: string; action?: string }) {
  const filters = [];
  if (where.actorId) filters.push(eq(schema.auditEvents.actorId, where.actorId));
  if (where.action) filters.push(eq(schema.auditEvents.action, where.action));
  return db()
    .select()
    .from(schema.auditEvents)
    .where(and(...filters))
    .orderBy(desc(schema.auditEvents.id));
}

beforeAll(async () => {
  expect(PEER_ADDRESS_HEADER).toBe("x-mend-peer-address");
  clinic = await createClinic({ couplesPerCounsellor: [["steady"], ["improving"]] });
  couple = clinic.couples[0]!;
  otherCouple = clinic.couples[1]!;
  counsellorId = couple.counsellorId;
  otherCounsellorId = otherCouple.counsellorId;
  const [note] = await db()
    .insert(schema.notes)
    .values({ coupleId: couple.id, authorId: counsellorId, format: "free", body: { body: NOTE_MARKER }, status: "signed", signedAt: new Date() })
    .returning({ id: schema.notes.id });
  noteId = note!.id;
});

describe("a counsellor's reads", () => {
  it("opening a couple's page records one event for the view, with the couple, the address and no content", async () => {
    request.address = "203.0.113.7";
    signInAs(counsellor());
    const before = await eventsFor({ actorId: counsellorId });
    const page = await getCouplePage(couple.id, couplePageQuerySchema.parse({ nq: "anything" }));
    expect(page.couple.id).toBe(couple.id);
    const after = await eventsFor({ actorId: counsellorId });
    const added = after.slice(0, after.length - before.length);
    // One insert per view, not one per check-in, answer or note the page shows.
    expect(added.map((e) => e.action)).toEqual(["couple.view"]);
    expect(added[0]).toMatchObject({
      clinicId: clinic.clinicId,
      entityType: "couple",
      entityId: couple.id,
      coupleId: couple.id,
      outcome: "success",
      address: "203.0.113.7",
      metadata: { notesSearched: true },
    });
    expect(JSON.stringify(added)).not.toContain("anything");
  });

  it("reading a single note records the note, not what it says", async () => {
    signInAs(counsellor());
    await getNote(noteId);
    const [event] = await eventsFor({ actorId: counsellorId, action: "note.read" });
    expect(event).toMatchObject({ entityType: "note", entityId: noteId, coupleId: couple.id, address: "203.0.113.7", outcome: "success" });
    expect(JSON.stringify(event)).not.toContain(NOTE_MARKER);
  });

  it("another counsellor's couple is not found, and the refusal is recorded with the record type and id", async () => {
    request.address = "198.51.100.23";
    signInAs(otherCounsellor());
    await expectNotFound(getCouplePage(couple.id, couplePageQuerySchema.parse({})));
    await expectNotFound(getNote(noteId));
    const refused = await eventsFor({ actorId: otherCounsellorId, action: "access.refused" });
    expect(refused.slice(0, 2).map((e) => [e.entityType, e.entityId])).toEqual([
      ["note", noteId],
      ["couple", couple.id],
    ]);
    for (const event of refused.slice(0, 2)) {
      // The id asked for may name nothing at all, so the event never links to a couple.
      expect(event).toMatchObject({ outcome: "denied", coupleId: null, address: "198.51.100.23", clinicId: clinic.clinicId });
    }
    // No view was recorded for a page that was never shown.
    expect(await eventsFor({ actorId: otherCounsellorId, action: "couple.view" })).toHaveLength(0);
  });

  it("an id that names no record is refused the same way, and nothing breaks on the missing couple", async () => {
    signInAs(otherCounsellor());
    const ghost = randomUUID();
    await expectNotFound(getCouple(ghost));
    const [event] = await eventsFor({ actorId: otherCounsellorId, action: "access.refused" });
    expect(event).toMatchObject({ entityType: "couple", entityId: ghost, outcome: "denied" });
  });
});

describe("a partner's reads", () => {
  it("a partner asking for another couple is not found, and refused in the trail", async () => {
    request.address = "192.0.2.44";
    const stranger = otherCouple.partners[0];
    signInAs(stranger);
    await expectNotFound(getCouple(couple.id));
    const [event] = await eventsFor({ actorId: stranger.id, action: "access.refused" });
    expect(event).toMatchObject({ entityType: "couple", entityId: couple.id, outcome: "denied", address: "192.0.2.44" });
  });
});

describe("sign-in and scheduled work", () => {
  it("sign-in success and failure carry the client's address and their outcome", async () => {
    const address = "2001:db8::17";
    const user = counsellor();
    await verifySignIn({ email: user.email, password: "not the password", ip: address });
    await verifySignIn({ email: user.email, password: FIXTURE_PASSWORD, ip: address });
    const [success, failure] = await eventsFor({ actorId: user.id, action: "auth.sign_in" });
    expect(failure).toMatchObject({ outcome: "failure", address, entityId: user.id });
    expect(success).toMatchObject({ outcome: "success", address, entityId: user.id });
  });

  it("an address no one could read is stored as unknown (null), never as a made-up value", async () => {
    const user = counsellor();
    await verifySignIn({ email: user.email, password: "wrong again", ip: "unknown" });
    const [event] = await eventsFor({ actorId: user.id, action: "auth.sign_in" });
    expect(event).toMatchObject({ outcome: "failure", address: null });
  });

  it("scheduled work records no address, even while a request is being served", async () => {
    request.address = "203.0.113.99";
    await runAsSystem("test.audit-address", async () => undefined);
    const [event] = await db()
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.action, "job.run"), eq(schema.auditEvents.entityId, "test.audit-address")))
      .orderBy(desc(schema.auditEvents.id))
      .limit(1);
    expect(event).toMatchObject({ address: null, actorId: null, outcome: "success" });
  });

  it("outside any request the address is simply not recorded", async () => {
    request.address = null;
    signInAs(counsellor());
    await getNote(noteId);
    const [event] = await eventsFor({ actorId: counsellorId, action: "note.read" });
    expect(event).toMatchObject({ entityId: noteId, address: null });
    request.address = "203.0.113.7";
  });
});

describe("the clinic admin's audit log", () => {
  it("lists views and refusals in words, with the address, and never a confidential event", async () => {
    request.address = "203.0.113.7";
    // A safety concern recorded on the couple the counsellor viewed: the admin must never learn of it.
    await recordAudit(db(), { clinicId: clinic.clinicId, actorId: counsellorId, action: "safety_concern.raise", entityId: randomUUID(), coupleId: couple.id });
    signInAs(clinic.admin);
    const views = await listAuditLog(auditQuery({ action: "couple.view" }));
    expect(views.rows[0]).toMatchObject({
      action: "couple.view",
      actorName: counsellor().name,
      entityType: "couple",
      recordName: couple.name,
      coupleName: couple.name,
      address: "203.0.113.7",
      outcome: "success",
    });
    const refusals = await listAuditLog(auditQuery({ action: "access.refused" }));
    expect(refusals.rows.some((r) => r.entityType === "note" && r.entityId === noteId && r.outcome === "denied" && r.address === "198.51.100.23")).toBe(true);
    // The refused couple is named only because it is this clinic's own.
    expect(refusals.rows.some((r) => r.entityType === "couple" && r.recordName === couple.name)).toBe(true);

    const everything = await listAuditLog(auditQuery());
    for (const row of everything.rows) expect(CONFIDENTIAL_AUDIT_ACTIONS).not.toContain(row.action);
    expect(CLINIC_AUDIT_ACTIONS).toEqual(expect.arrayContaining(["couple.view", "access.refused", "record.export"]));
    // Even asked for by name, a confidential action shows nothing.
    expect((await listAuditLog(auditQuery({ action: "safety_concern.raise" }))).total).toBe(0);

    const csv = await exportAuditLogCsv(auditQuery({ action: "couple.view" }));
    expect(csv.ok).toBe(true);
    if (csv.ok) expect(csv.csv).toContain("203.0.113.7");
    expect(JSON.stringify(everything)).not.toContain(NOTE_MARKER);
  });

  it("a counsellor or partner cannot read the clinic's audit log", async () => {
    signInAs(counsellor());
    await expectNotFound(listAuditLog(auditQuery()));
    signInAs(couple.partners[0]);
    await expectNotFound(listAuditLog(auditQuery()));
  });
});
