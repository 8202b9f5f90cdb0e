import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import postgres from "postgres";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { parseInput } from "@/lib/actions/action";
import { createCoupleWithInvitations } from "@/lib/dal/invitations";
import { newCoupleSchema } from "@/lib/validations/invitations";
import { createClinic, db, type FixtureClinic } from "../support/fixtures";
import { signInAs } from "../support/session";

/**
 * A write whose database connection is killed half way leaves nothing behind. Creating a couple
 * writes the couple, both partners' accounts, their memberships, ten step rows, two invitations
 * and audit events in one transaction. A second connection holds it half way (after the couple
 * row, waiting on a partner's email it has claimed but not committed), then kills its backend
 * with pg_terminate_backend. Needs a real server: the embedded database has one connection and
 * no backends to kill.
 */
const url = process.env.TEST_DATABASE_URL;
let clinic: FixtureClinic;
const unique = () => randomUUID().slice(0, 8);

describe.skipIf(!url)("a create whose connection is killed half way (Postgres server only: PGlite has no second backend)", () => {
  beforeAll(async () => {
    clinic = await createClinic({ couplesPerCounsellor: [["steady"]] });
  });

  it("leaves no couple, account, membership, step, invitation or audit event behind, and the next try works", async () => {
    const counsellor = clinic.counsellors[0]!;
    signInAs(counsellor);
    const name = `Killed half way ${unique()}`;
    const emails = [`k-a-${unique()}@example.test`, `k-b-${unique()}@example.test`];
    const form = parseInput(newCoupleSchema, {
      name,
      startedOn: "2026-11-01",
      partners: [
        { name: "Kim Hart", email: emails[0] },
        { name: "Lee Hart", email: emails[1] },
      ],
    });

    const creations = async () =>
      (await db().select({ id: schema.auditEvents.id }).from(schema.auditEvents).where(and(eq(schema.auditEvents.clinicId, clinic.clinicId), inArray(schema.auditEvents.action, ["couple.create", "invitation.create"])))).length;
    const creationsBefore = await creations();

    const blocker = postgres(url!, { max: 1, onnotice: () => {} });
    const session = await blocker.reserve();
    let outcome: unknown;
    let killedAfterMs = 0;
    try {
      await session`begin`;
      // Claims partner B's address without committing: the create's insert of the partners waits on it.
      await session`insert into users (clinic_id, role, email, name) values (${clinic.clinicId}, 'partner', ${emails[1]!}, 'Holder')`;
      const [{ pid: holder }] = await session<{ pid: number }[]>`select pg_backend_pid() as pid`;
      const started = Date.now();
      const write = createCoupleWithInvitations(form).then(
        () => "committed",
        (error: unknown) => error,
      );
      let victim: number | undefined;
      while (victim === undefined && Date.now() - started < 20_000) {
        const waiting = await session<{ pid: number }[]>`
          select pid from pg_stat_activity where ${holder}::int = any(pg_blocking_pids(pid))`;
        victim = waiting[0]?.pid;
        if (victim === undefined) await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(victim, "the create never reached the held row").toBeDefined();
      // Half way: its couple row exists, visible only inside its own transaction.
      const [{ killed }] = await session<{ killed: boolean }[]>`select pg_terminate_backend(${victim!}::int) as killed`;
      expect(killed).toBe(true);
      killedAfterMs = Date.now() - started;
      outcome = await write;
    } finally {
      await session`rollback`.catch(() => {});
      session.release();
      await blocker.end({ timeout: 5 });
    }
    expect(outcome).toBeInstanceOf(Error);
    expect(killedAfterMs).toBeLessThan(20_000);

    const couples = await db().select({ id: schema.couples.id }).from(schema.couples).where(eq(schema.couples.name, name));
    expect(couples).toEqual([]);
    expect(await db().select({ id: schema.users.id }).from(schema.users).where(inArray(schema.users.email, emails))).toEqual([]);
    expect(await db().select({ id: schema.invitations.id }).from(schema.invitations).where(inArray(schema.invitations.email, emails))).toEqual([]);
    const orphans = await db().execute(sql`
      select (select count(*) from couple_members m where not exists (select 1 from couples c where c.id = m.couple_id))
           + (select count(*) from step_progress s where not exists (select 1 from couples c where c.id = s.couple_id)) as n`);
    expect(Number((orphans as unknown as { n: number }[])[0]?.n ?? (orphans as { rows?: { n: number }[] }).rows?.[0]?.n)).toBe(0);

    expect(await creations()).toBe(creationsBefore);

    // The pool drops the dead connection and the same submission, sent again, goes through whole.
    const again = await createCoupleWithInvitations(form);
    const members = await db().select().from(schema.coupleMembers).where(eq(schema.coupleMembers.coupleId, again.coupleId));
    const steps = await db().select().from(schema.stepProgress).where(eq(schema.stepProgress.coupleId, again.coupleId));
    expect([members.length, steps.length, again.invitations.length]).toEqual([2, 10, 2]);
  });
});
