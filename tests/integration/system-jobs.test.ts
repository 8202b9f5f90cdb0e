import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, couples } from "@/db/schema";
import { recordAudit } from "@/lib/dal/audit";
import { runAsSystem } from "@/lib/jobs/system";
import { createClinic, db, type FixtureClinic } from "../support/fixtures";

let clinic: FixtureClinic;

beforeAll(async () => {
  clinic = await createClinic({ couplesPerCounsellor: [["steady"]], days: 14 });
});

const runsOf = (name: string) =>
  db()
    .select({ action: auditEvents.action, entityType: auditEvents.entityType, outcome: auditEvents.outcome, actorId: auditEvents.actorId, metadata: auditEvents.metadata })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, "job.run"), eq(auditEvents.entityId, name)))
    .orderBy(desc(auditEvents.id));

describe("runAsSystem", () => {
  it("runs with nobody signed in, sees every clinic, and audits the run under the job's name", async () => {
    const seen = await runAsSystem("test.count-couples", async (job) => {
      const rows = await job.db.select({ id: couples.id }).from(couples).where(eq(couples.clinicId, clinic.clinicId));
      return rows.length;
    });
    expect(seen).toBe(clinic.couples.length);
    const [run] = await runsOf("test.count-couples");
    expect(run).toMatchObject({ action: "job.run", entityType: "job", outcome: "success", actorId: null });
    expect(run?.metadata).toMatchObject({ job: "test.count-couples" });
    expect(typeof run?.metadata?.ms).toBe("number");
  });

  it("signs every event the job records with its name, and no person", async () => {
    const couple = clinic.couples[0]!;
    await runAsSystem("test.signs-events", (job) =>
      job.audit(job.db, { clinicId: clinic.clinicId, actorId: clinic.admin.id, action: "couple.create", entityId: couple.id, coupleId: couple.id }),
    );
    const [event] = await db()
      .select({ actorId: auditEvents.actorId, entityType: auditEvents.entityType, metadata: auditEvents.metadata })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "couple.create"), eq(auditEvents.coupleId, couple.id)))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(event).toEqual({ actorId: null, entityType: "couple", metadata: { job: "test.signs-events" } });
  });

  it("audits a failed run as a failure and hands the error back", async () => {
    await expect(
      runAsSystem("test.fails", async () => {
        throw new Error("the mail server is down");
      }),
    ).rejects.toThrow("the mail server is down");
    const [run] = await runsOf("test.fails");
    expect(run?.outcome).toBe("failure");
  });

  it("refuses a job without a proper name before running anything", async () => {
    let ran = false;
    for (const name of ["", "Reminders", "send reminders", "x;drop"]) {
      await expect(
        runAsSystem(name, async () => {
          ran = true;
        }),
      ).rejects.toThrow(RangeError);
    }
    expect(ran).toBe(false);
  });
});

describe("recordAudit", () => {
  it("takes the record type from the action", async () => {
    const couple = clinic.couples[0]!;
    await recordAudit(db(), { clinicId: clinic.clinicId, actorId: clinic.admin.id, action: "safety_concern.clear", entityId: couple.id, coupleId: couple.id, metadata: { cleared: 1 } });
    const [event] = await db()
      .select({ entityType: auditEvents.entityType, metadata: auditEvents.metadata })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "safety_concern.clear"), eq(auditEvents.coupleId, couple.id)))
      .limit(1);
    expect(event).toEqual({ entityType: "couple", metadata: { cleared: 1 } });
  });

  it("refuses metadata the action does not define, writing nothing", async () => {
    const couple = clinic.couples[0]!;
    const sneaky = { cleared: 1, note: "what the partner wrote" } as unknown as { cleared: number };
    await expect(
      recordAudit(db(), { clinicId: clinic.clinicId, actorId: clinic.admin.id, action: "safety_concern.clear", entityId: couple.id, coupleId: couple.id, metadata: sneaky }),
    ).rejects.toThrow();
    const rows = await db()
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "safety_concern.clear"), eq(auditEvents.coupleId, couple.id)));
    expect(rows).toHaveLength(1);
  });
});
