import { addDays, differenceInCalendarDays, format, parseISO } from "date-fns";
import { EXERCISE_KINDS, MOODS, STEPS } from "@/lib/program";
import { makeAnswer, makeSafetyAnswer } from "./answers";
import { AGREEMENTS, CHECK_IN_NOTES, NOTE_TEXT, PROMISES } from "./copy";
import type { Profile } from "./profiles";
import type { ClinicRows, ClinicSpec, CoupleSpec } from "./types";
import type { Faker } from "@faker-js/faker";

/** What every part of one clinic's history shares: the spec, the one seeded faker, and the rows built so far. */
export type SeedContext = {
  spec: ClinicSpec;
  faker: Faker;
  /** The next made-up uuid, from the seeded faker. */
  id: () => string;
  /** A moment on a day, in UTC. */
  ts: (day: string, hour?: number) => Date;
  rows: ClinicRows;
  clinicId: string;
};

/** One couple, as its history is built. */
export type CoupleContext = {
  id: string;
  counsellorId: string;
  spec: CoupleSpec;
  profile: Profile;
  startedOn: string;
  /** Days from the start to today. */
  totalDays: number;
  /** Partner A and partner B. */
  partnerIds: [string, string];
  firstNames: [string, string];
  /** The day step `n` began (steps are evenly spaced). */
  stepStart: (n: number) => string;
};

const iso = (d: Date) => format(d, "yyyy-MM-dd");
// A year of daily rows asks for the same few hundred days over and over: parsing and formatting
// each one anew was a large share of generating a clinic of thousands of couples.
const moved = new Map<string, string>();
/** `day` moved by `n` days, as yyyy-MM-dd. */
export const plus = (day: string, n: number) => {
  const key = `${day}|${n}`;
  let found = moved.get(key);
  if (found === undefined) moved.set(key, (found = iso(addDays(parseISO(day), n))));
  return found;
};
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * Adds one couple's whole history to the rows. The order of the parts is the order of their
 * random draws, so it is part of the demo clinic: keep it.
 */
export function addCoupleHistory(context: SeedContext, couple: CoupleContext): void {
  addSteps(context, couple);
  const perWeek = addAgreements(context, couple);
  addCouple(context, couple, perWeek);
  addCheckIns(context, couple);
  addAssignments(context, couple);
  addPromises(context, couple);
  addNotes(context, couple);
}

/** The ten steps: done up to the current one, which is in progress. */
function addSteps(context: SeedContext, couple: CoupleContext): void {
  const { rows } = context;
  const { id: coupleId, profile, stepStart } = couple;
  for (const step of STEPS) {
    const n = step.number;
    rows.stepProgress.push({
      coupleId,
      step: n,
      status: n < profile.currentStep ? "done" : n === profile.currentStep ? "in_progress" : "not_started",
      startedOn: n <= profile.currentStep ? stepStart(n) : null,
      completedOn: n < profile.currentStep ? plus(stepStart(n + 1), -1) : null,
    });
  }
}

/**
 * Agreements from step 3 on, each accepted one in force from the day it was accepted; a later
 * contact agreement replaces the earlier one from its first day. Returns the check-ins a week the
 * first accepted one set (7 without one).
 */
function addAgreements(context: SeedContext, couple: CoupleContext): number {
  const { faker, id, ts, rows } = context;
  const { id: coupleId, profile, partnerIds, stepStart } = couple;
  let perWeek = 7;
  let contact: (typeof rows.agreements)[number] | null = null;
  if (profile.currentStep >= 3) {
    const picks = faker.helpers.arrayElements(AGREEMENTS, { min: 2, max: 3 });
    if (picks[0]!.perWeek === null) picks.unshift(AGREEMENTS[faker.number.int({ min: 0, max: 1 })]!);
    picks.forEach((a, i) => {
      const proposer = i % 2;
      const day = plus(stepStart(3), i);
      const declined = i === picks.length - 1 && faker.datatype.boolean({ probability: 0.3 });
      const row: (typeof rows.agreements)[number] = {
        id: id(),
        coupleId,
        proposedBy: partnerIds[proposer]!,
        title: a.title,
        details: a.details,
        checkInsPerWeek: a.perWeek,
        status: declined ? "declined" : "accepted",
        respondedBy: partnerIds[1 - proposer]!,
        respondedAt: ts(day, 20),
        createdAt: ts(day, 9),
        effectiveFrom: declined ? null : day,
      };
      if (!declined && a.perWeek !== null) {
        if (contact) {
          contact.effectiveUntil = day;
          row.replacesId = contact.id;
        }
        contact = row;
      }
      rows.agreements.push(row);
      if (!declined && a.perWeek !== null && i === 0) perWeek = a.perWeek;
    });
  }
  return perWeek;
}

/** The couple and its two members. */
function addCouple(context: SeedContext, couple: CoupleContext, perWeek: number): void {
  const { ts, rows, clinicId } = context;
  const { id: coupleId, counsellorId, profile, startedOn, partnerIds, firstNames } = couple;
  rows.couples.push({
    id: coupleId,
    clinicId,
    counsellorId,
    name: `${firstNames[0]} & ${firstNames[1]}`,
    status: profile.status,
    startedOn,
    currentStep: profile.currentStep,
    checkInsPerWeek: perWeek,
    createdAt: ts(plus(startedOn, -3), 10),
  });
  rows.coupleMembers.push({ coupleId, userId: partnerIds[0]!, slot: "A" }, { coupleId, userId: partnerIds[1]!, slot: "B" });
}

/** Daily check-ins: a trend per partner, noise, and stretches of silence. */
function addCheckIns(context: SeedContext, couple: CoupleContext): void {
  const { spec, faker, id, ts, rows } = context;
  const { id: coupleId, spec: coupleSpec, profile, startedOn, totalDays, partnerIds } = couple;
  for (let p = 0; p < 2; p++) {
    let silentUntil = -1;
    for (let d = 0; d <= totalDays; d++) {
      const day = plus(startedOn, d);
      if (coupleSpec.skipToday && day === spec.today) continue;
      if (d <= silentUntil) continue;
      if (faker.datatype.boolean({ probability: profile.silenceRate ?? 0.03 })) silentUntil = d + faker.number.int({ min: 2, max: 5 });
      const recentDrop = coupleSpec.trajectory === "declining" && totalDays - d < 6;
      // A declining couple's second partner has gone quiet for the last few days.
      if (coupleSpec.trajectory === "declining" && p === 1 && totalDays - d < 4) continue;
      if (!faker.datatype.boolean({ probability: profile.checkInRate[p]! })) continue;
      const progress = totalDays === 0 ? 0 : d / totalDays;
      const trend = profile.baseTrust[p]! + profile.slope[p]! * progress - (recentDrop ? 2.5 : 0);
      const trust = Math.round(clamp(trend + faker.number.float({ min: -1.2, max: 1.2 }), 0, 10));
      const closeness = Math.round(clamp(trust + faker.number.float({ min: -1.5, max: 1.5 }), 0, 10));
      const withNote = faker.datatype.boolean({ probability: 0.22 });
      rows.checkIns.push({
        id: id(),
        coupleId,
        userId: partnerIds[p]!,
        date: day,
        trust,
        closeness,
        mood: MOODS[clamp(Math.round(trust / 2.5), 0, 4)]!,
        contact: faker.datatype.boolean({ probability: 0.8 }) ? "yes" : "no",
        note: withNote ? faker.helpers.arrayElement(CHECK_IN_NOTES) : null,
        noteVisibility: withNote && faker.datatype.boolean({ probability: 0.3 }) ? "counsellor_only" : "shared",
        createdAt: ts(day, 21),
        updatedAt: ts(day, 21),
      });
    }
  }
}

/** Assignments for every step reached, answered where the step is done. */
function addAssignments(context: SeedContext, couple: CoupleContext): void {
  const { spec, faker, id, ts, rows } = context;
  const { id: coupleId, counsellorId, spec: coupleSpec, profile, partnerIds, stepStart } = couple;
  for (let n = 1; n <= profile.currentStep; n++) {
    const step = STEPS[n - 1]!;
    for (const kind of step.exerciseKinds) {
      const exercise = EXERCISE_KINDS[kind];
      if (!exercise.assignable) continue;
      const done = n < profile.currentStep;
      const recurring = kind === "daily_sharing" || kind === "noticing_log";
      const overdue = !done && (coupleSpec.trajectory === "stalled" || coupleSpec.trajectory === "declining");
      const dueOn = done ? plus(stepStart(n), 5) : overdue ? plus(spec.today, -4) : plus(spec.today, 3);
      const assignmentId = id();
      rows.assignments.push({
        id: assignmentId,
        coupleId,
        step: n,
        exerciseKind: kind,
        dueOn,
        recurrence: recurring ? (kind === "daily_sharing" ? "daily" : "weekly") : "once",
        instructions: recurring ? "A few minutes is plenty. Answer honestly, not perfectly." : "Take your time; we'll talk it through in our next session.",
        status: done ? "completed" : "active",
        createdBy: counsellorId,
        createdAt: ts(stepStart(n), 10),
        updatedAt: ts(stepStart(n), 10),
      });
      const occurrences = recurring
        ? Array.from({ length: done ? 4 : 2 }, (_, k) => plus(stepStart(n), k * (kind === "daily_sharing" ? 1 : 7)))
        : done
          ? [dueOn]
          : kind === "safety_screen"
            ? [plus(stepStart(n), 1)] // the screen comes first, before any couple work
            : [];
      for (const occurrenceOn of occurrences) {
        if (occurrenceOn > spec.today) continue;
        for (let p = 0; p < 2; p++) {
          const payload =
            kind === "safety_screen"
              ? makeSafetyAnswer(faker, Boolean(coupleSpec.safetyConcern) && p === 0, occurrenceOn)
              : makeAnswer(faker, kind, occurrenceOn);
          const responseId = id();
          rows.exerciseResponses.push({
            id: responseId,
            assignmentId,
            coupleId,
            userId: partnerIds[p]!,
            exerciseKind: kind,
            occurrenceOn,
            payload,
            visibility: exercise.defaultVisibility,
            status: "submitted",
            submittedAt: ts(occurrenceOn, 20),
            createdAt: ts(occurrenceOn, 19),
            updatedAt: ts(occurrenceOn, 20),
          });
          if (kind === "safety_screen" && coupleSpec.safetyConcern && p === 0) {
            rows.safetyConcerns.push({ id: id(), coupleId, responseId, raisedAt: ts(occurrenceOn, 20) });
          }
        }
      }
    }
  }
}

/** Promises from step 5 on: made by either partner, confirmed by the other. */
function addPromises(context: SeedContext, couple: CoupleContext): void {
  const { spec, faker, id, ts, rows } = context;
  const { id: coupleId, spec: coupleSpec, profile, partnerIds, stepStart } = couple;
  if (profile.currentStep >= 5) {
    let day = stepStart(5);
    while (day <= spec.today) {
      const maker = faker.number.int({ min: 0, max: 1 });
      const dueDay = plus(day, faker.number.int({ min: 1, max: 3 }));
      const due = ts(dueDay, 19);
      const recentBreak = coupleSpec.trajectory === "declining" && differenceInCalendarDays(parseISO(spec.today), parseISO(dueDay)) <= 4;
      let status: "open" | "kept" | "broken" | "released" = "open";
      if (dueDay < spec.today) {
        status = faker.datatype.boolean({ probability: 0.05 })
          ? "released"
          : !recentBreak && faker.datatype.boolean({ probability: profile.keepRate })
            ? "kept"
            : "broken";
      }
      const resolvedDay = dueDay < spec.today ? plus(dueDay, faker.number.int({ min: 0, max: 1 })) : null;
      rows.promises.push({
        id: id(),
        coupleId,
        madeBy: partnerIds[maker]!,
        text: faker.helpers.arrayElement(PROMISES),
        dueAt: due,
        status,
        confirmedBy: status === "kept" || status === "broken" ? partnerIds[1 - maker]! : null,
        resolvedAt: resolvedDay && status !== "open" ? ts(resolvedDay > spec.today ? spec.today : resolvedDay, 21) : null,
        releaseRequestedBy: status === "released" ? partnerIds[maker]! : null,
        createdAt: ts(day, 8),
      });
      day = plus(day, faker.number.int({ min: 2, max: 4 }));
    }
  }
}

/** Clinical notes roughly fortnightly; the latest is still a draft. */
function addNotes(context: SeedContext, couple: CoupleContext): void {
  const { faker, id, ts, rows } = context;
  const { id: coupleId, counsellorId, startedOn, totalDays } = couple;
  for (let d = 2; d <= totalDays; d += 14) {
    const day = plus(startedOn, d);
    const last = d + 14 > totalDays;
    const format = faker.helpers.arrayElement(["soap", "dap", "free"] as const);
    const pick = (k: keyof typeof NOTE_TEXT) => faker.helpers.arrayElement(NOTE_TEXT[k]);
    const body: Record<string, string> =
      format === "soap"
        ? { subjective: pick("subjective"), objective: pick("objective"), assessment: pick("assessment"), plan: pick("plan") }
        : format === "dap"
          ? { data: `${pick("subjective")} ${pick("objective")}`, assessment: pick("assessment"), plan: pick("plan") }
          : { body: `${pick("subjective")} ${pick("assessment")} ${pick("plan")}` };
    rows.notes.push({
      id: id(),
      coupleId,
      authorId: counsellorId,
      format,
      body,
      status: last ? "draft" : "signed",
      signedAt: last ? null : ts(day, 17),
      createdAt: ts(day, 16),
      updatedAt: ts(day, 17),
    });
  }
}
