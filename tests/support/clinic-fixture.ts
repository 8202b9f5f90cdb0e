import { randomUUID } from "node:crypto";
import { ensureReady } from "@/db/ready";
import * as schema from "@/db/schema";
import { addIsoDays } from "@/lib/metrics/dates";
import { db, type FixtureUser } from "./fixtures";

/** Strings that must never reach an admin: one in each kind of clinical content. */
export const MARKERS = {
  checkInNote: "MARKER-CHECKIN-NOTE-7f3a",
  answer: "MARKER-EXERCISE-ANSWER-7f3a",
  counsellorNote: "MARKER-COUNSELLOR-NOTE-7f3a",
  promise: "MARKER-PROMISE-TEXT-7f3a",
} as const;

/** The range every hand computation below refers to: four ISO weeks, Mon 2 Feb – Sun 1 Mar 2026. */
export const HAND_RANGE = { from: "2026-02-02", to: "2026-03-01" } as const;
const DEFAULT_START = "2025-12-01";

type Promised = { kept?: number; broken?: number; open?: number; released?: number; keptBeforeRange?: number; keptLastMinute?: number };
type StepOverride = { step: number; status: "in_progress" | "done"; startedOn: string; completedOn: string | null };

/**
 * One couple of the hand-computed clinic. Check-ins: partner A on the first `a` days and partner B
 * on the first `b` days of the range (from the later of its first day and `startedOn`), every one
 * with trust `recent`; plus five check-ins of partner A on the couple's first five days with trust
 * `baseline` (when given). Steps: 1..current−1 done and `current` in progress, each a 3-day step
 * starting on 2025-12-01 (all before the range) unless overridden.
 */
export type HandCouple = {
  key: string;
  counsellor: "P" | "Q";
  status?: schema.CoupleStatus;
  startedOn?: string;
  perWeek?: number;
  a: number;
  b: number;
  baseline?: number;
  recent?: number;
  promises?: Promised;
  current: number;
  /** All ten steps done (a completed couple). */
  allDone?: boolean;
  steps?: StepOverride[];
};

export const HAND_COUPLES: HandCouple[] = [
  { key: "c1", counsellor: "P", a: 28, b: 28, baseline: 3, recent: 6, promises: { kept: 3, keptLastMinute: 1 }, current: 5, steps: [{ step: 2, status: "done", startedOn: "2026-01-19", completedOn: "2026-02-02" }] },
  { key: "c2", counsellor: "P", a: 28, b: 14, baseline: 5, recent: 5, promises: { kept: 3, broken: 1 }, current: 4, steps: [{ step: 2, status: "done", startedOn: "2026-01-05", completedOn: "2026-02-09" }] },
  { key: "c3", counsellor: "P", a: 14, b: 14, baseline: 4, recent: 7, promises: { kept: 1, broken: 1 }, current: 3, steps: [{ step: 2, status: "done", startedOn: "2026-02-02", completedOn: "2026-02-23" }] },
  { key: "c4", counsellor: "P", a: 7, b: 0, baseline: 6, recent: 4, promises: { open: 2, released: 1 }, current: 2 },
  { key: "c5", counsellor: "P", status: "paused", a: 21, b: 21, baseline: 2, recent: 8, promises: { kept: 2, broken: 2, keptBeforeRange: 1 }, current: 6, steps: [{ step: 2, status: "done", startedOn: "2026-01-26", completedOn: "2026-02-06" }] },
  { key: "c6", counsellor: "P", perWeek: 3, a: 12, b: 3, recent: 5, promises: { broken: 2 }, current: 2 },
  { key: "c7", counsellor: "P", a: 0, b: 0, current: 1 },
  { key: "c8", counsellor: "P", startedOn: "2026-02-16", a: 14, b: 0, recent: 6, promises: { kept: 1 }, current: 1 },
  { key: "c9", counsellor: "Q", a: 28, b: 21, baseline: 5, recent: 6, promises: { kept: 3 }, current: 7, steps: [{ step: 2, status: "done", startedOn: "2026-01-01", completedOn: "2026-03-01" }] },
  { key: "c10", counsellor: "Q", a: 21, b: 21, baseline: 7, recent: 3, promises: { kept: 1, broken: 3 }, current: 3 },
  { key: "c11", counsellor: "Q", status: "completed", a: 28, b: 28, baseline: 4, recent: 4, current: 10, allDone: true },
  { key: "c12", counsellor: "Q", perWeek: 5, a: 10, b: 20, baseline: 3, recent: 5, promises: { kept: 2, broken: 2 }, current: 4, steps: [{ step: 3, status: "done", startedOn: "2026-02-20", completedOn: "2026-03-03" }] },
  // Started after the range: outside every figure for it.
  { key: "c13", counsellor: "P", startedOn: "2026-03-05", a: 0, b: 0, current: 1 },
];

export type HandClinic = {
  clinicId: string;
  admin: FixtureUser;
  counsellors: { P: FixtureUser; Q: FixtureUser; R: FixtureUser };
  couples: Record<string, { id: string; name: string; partners: [FixtureUser, FixtureUser] }>;
};

const at = (day: string, hour = 12) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00Z`);

/** Inserts the hand-laid clinic (see {@link HAND_COUPLES}) with direct inserts, in one transaction. */
export async function createHandClinic(): Promise<HandClinic> {
  await ensureReady();
  const tag = randomUUID().slice(0, 8);
  const clinicId = randomUUID();
  const person = (role: schema.Role, name: string, local: string, active = true) => ({
    id: randomUUID(),
    clinicId,
    role,
    name,
    email: `${local}@h${tag}.test`,
    active,
  });
  const admin = person("clinic_admin", "Hana Admin", "admin");
  const P = person("counsellor", "Priya Counsellor", "priya");
  const Q = person("counsellor", "Quentin Counsellor", "quentin");
  const R = person("counsellor", "Rosa Former", "rosa", false);
  const users: (typeof schema.users.$inferInsert)[] = [admin, P, Q, R];
  const couples: (typeof schema.couples.$inferInsert)[] = [];
  const agreements: (typeof schema.agreements.$inferInsert)[] = [];
  const members: (typeof schema.coupleMembers.$inferInsert)[] = [];
  const checkIns: (typeof schema.checkIns.$inferInsert)[] = [];
  const promises: (typeof schema.promises.$inferInsert)[] = [];
  const steps: (typeof schema.stepProgress.$inferInsert)[] = [];
  const out: HandClinic["couples"] = {};

  for (const spec of HAND_COUPLES) {
    const startedOn = spec.startedOn ?? DEFAULT_START;
    const id = randomUUID();
    const name = `Couple ${spec.key.toUpperCase()} ${tag}`;
    const a = person("partner", `Partner ${spec.key}A`, `${spec.key}a`);
    const b = person("partner", `Partner ${spec.key}B`, `${spec.key}b`);
    users.push(a, b);
    couples.push({
      id,
      clinicId,
      counsellorId: spec.counsellor === "P" ? P.id : Q.id,
      name,
      status: spec.status ?? "active",
      startedOn,
      currentStep: spec.current,
      checkInsPerWeek: spec.perWeek ?? 7,
    });
    members.push({ coupleId: id, userId: a.id, slot: "A" }, { coupleId: id, userId: b.id, slot: "B" });
    // A frequency other than daily is an accepted contact agreement in force since the couple started.
    if (spec.perWeek !== undefined) {
      agreements.push({
        coupleId: id,
        proposedBy: a.id,
        title: `Contact ${spec.perWeek} days a week`,
        checkInsPerWeek: spec.perWeek,
        status: "accepted",
        respondedBy: b.id,
        respondedAt: at(startedOn),
        effectiveFrom: startedOn,
      });
    }

    const first = startedOn > HAND_RANGE.from ? startedOn : HAND_RANGE.from;
    const checkIn = (userId: string, date: string, trust: number, note: string | null) =>
      checkIns.push({ coupleId: id, userId, date, trust, closeness: 5, mood: "okay", contact: "yes", note });
    for (let i = 0; i < spec.a; i++) checkIn(a.id, addIsoDays(first, i), spec.recent ?? 5, i === 0 ? MARKERS.checkInNote : null);
    for (let i = 0; i < spec.b; i++) checkIn(b.id, addIsoDays(first, i), spec.recent ?? 5, null);
    if (spec.baseline !== undefined) {
      for (let i = 0; i < 5; i++) checkIn(a.id, addIsoDays(startedOn, i), spec.baseline, MARKERS.checkInNote);
    }

    const promise = (status: schema.PromiseStatus, resolvedAt: Date | null) =>
      promises.push({
        coupleId: id,
        madeBy: a.id,
        text: `${MARKERS.promise} ${status}`,
        dueAt: at("2026-02-05"),
        status,
        confirmedBy: status === "kept" || status === "broken" ? b.id : null,
        resolvedAt,
      });
    const p = spec.promises ?? {};
    for (let i = 0; i < (p.kept ?? 0); i++) promise("kept", at("2026-02-10"));
    for (let i = 0; i < (p.broken ?? 0); i++) promise("broken", at("2026-02-11"));
    for (let i = 0; i < (p.open ?? 0); i++) promise("open", null);
    for (let i = 0; i < (p.released ?? 0); i++) promise("released", at("2026-02-10"));
    for (let i = 0; i < (p.keptBeforeRange ?? 0); i++) promise("kept", at("2026-01-15"));
    // 23:30 UTC on the last day of the range still belongs to it.
    for (let i = 0; i < (p.keptLastMinute ?? 0); i++) promise("kept", new Date("2026-03-01T23:30:00Z"));

    for (let step = 1; step <= 10; step++) {
      const override = spec.steps?.find((s) => s.step === step);
      const defaultStart = addIsoDays(DEFAULT_START, 3 * (step - 1));
      if (override) {
        steps.push({ coupleId: id, ...override });
      } else if (step < spec.current || spec.allDone) {
        steps.push({ coupleId: id, step, status: "done", startedOn: defaultStart, completedOn: addIsoDays(DEFAULT_START, 3 * step) });
      } else if (step === spec.current) {
        steps.push({ coupleId: id, step, status: "in_progress", startedOn: step === 1 ? startedOn : defaultStart, completedOn: null });
      } else {
        steps.push({ coupleId: id, step, status: "not_started", startedOn: null, completedOn: null });
      }
    }
    const fixtureUser = (u: typeof a): FixtureUser => ({ id: u.id, email: u.email, name: u.name, role: u.role, clinicId });
    out[spec.key] = { id, name, partners: [fixtureUser(a), fixtureUser(b)] };
  }

  const database = db();
  await database.transaction(async (tx) => {
    await tx.insert(schema.clinics).values({ id: clinicId, name: `Hand clinic ${tag}` });
    await tx.insert(schema.users).values(users);
    await tx.insert(schema.couples).values(couples);
    await tx.insert(schema.coupleMembers).values(members);
    if (agreements.length > 0) await tx.insert(schema.agreements).values(agreements);
    await tx.insert(schema.checkIns).values(checkIns);
    await tx.insert(schema.promises).values(promises);
    await tx.insert(schema.stepProgress).values(steps);
    const c1 = out.c1!;
    const [assignment] = await tx
      .insert(schema.assignments)
      .values({ coupleId: c1.id, step: 1, exerciseKind: "disclosure_worksheet", dueOn: "2026-02-03", createdBy: P.id })
      .returning({ id: schema.assignments.id });
    await tx.insert(schema.exerciseResponses).values({
      assignmentId: assignment!.id,
      coupleId: c1.id,
      userId: c1.partners[0].id,
      exerciseKind: "disclosure_worksheet",
      occurrenceOn: "2026-02-03",
      payload: { whatHappened: MARKERS.answer },
      visibility: "counsellor_only",
      status: "submitted",
      submittedAt: at("2026-02-03"),
    });
    await tx.insert(schema.notes).values({ coupleId: c1.id, authorId: P.id, format: "free", body: { body: MARKERS.counsellorNote } });
  });

  const fixtureUser = (u: typeof admin): FixtureUser => ({ id: u.id, email: u.email, name: u.name, role: u.role, clinicId });
  return { clinicId, admin: fixtureUser(admin), counsellors: { P: fixtureUser(P), Q: fixtureUser(Q), R: fixtureUser(R) }, couples: out };
}
