import { Faker, en, en_GB } from "@faker-js/faker";
import { addDays, differenceInCalendarDays, format, parseISO } from "date-fns";
import {
  EXERCISE_KINDS,
  MOODS,
  STEPS,
  isSafetyConcern,
  parseAnswer,
  questionForDate,
  type ExerciseKindId,
  type FieldSpec,
  type SafetyScreenAnswer,
} from "@/lib/program";
import type * as schema from "../schema";

/** How a couple's story goes over the seeded period; drives trust, adherence, promises and steps. */
export type Trajectory = "improving" | "stalled" | "declining" | "just_started" | "steady" | "paused";

export type CounsellorSpec = { email: string; name: string; couples: CoupleSpec[] };
export type CoupleSpec = {
  trajectory: Trajectory;
  partners?: [{ email: string; name: string }, { email: string; name: string }];
  /** Leave today's check-in undone for both partners (the demo's Alex and Sam check in live). */
  skipToday?: boolean;
  safetyConcern?: boolean;
};

export type ClinicSpec = {
  seed: number;
  today: string;
  /** Days of history for every couple that is not just starting. */
  days: number;
  clinicName: string;
  emailDomain: string;
  admin: { email: string; name: string };
  counsellors: CounsellorSpec[];
  passwordHash: string;
};

type Insert<T extends { $inferInsert: unknown }> = T["$inferInsert"];

/** Every row of one clinic, ready to insert in foreign-key order. */
export type ClinicRows = {
  clinic: Insert<typeof schema.clinics>;
  users: Insert<typeof schema.users>[];
  couples: Insert<typeof schema.couples>[];
  coupleMembers: Insert<typeof schema.coupleMembers>[];
  stepProgress: Insert<typeof schema.stepProgress>[];
  assignments: Insert<typeof schema.assignments>[];
  exerciseResponses: Insert<typeof schema.exerciseResponses>[];
  checkIns: Insert<typeof schema.checkIns>[];
  agreements: Insert<typeof schema.agreements>[];
  promises: Insert<typeof schema.promises>[];
  safetyConcerns: Insert<typeof schema.safetyConcerns>[];
  notes: Insert<typeof schema.notes>[];
};

const iso = (d: Date) => format(d, "yyyy-MM-dd");
const plus = (day: string, n: number) => iso(addDays(parseISO(day), n));
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

// Words for made-up answers and notes, written for the demo.
const REFLECTIONS = [
  "I noticed I get tense in the evenings when plans are vague.",
  "Talking it through slowly helped more than I expected.",
  "I want to understand what was going on before it happened.",
  "It still hurts, but I can say so now without it becoming a fight.",
  "I felt listened to when we put our phones away.",
  "I need time, and I need to see the changes last.",
  "I realised how much I had been carrying on my own.",
  "We laughed together for the first time in a while.",
  "I was defensive at first, then I tried to just listen.",
  "I am willing to be more open about where I am and who I am with.",
  "It helps when I hear about changes of plan early.",
  "I want us to be able to talk about the hard days too.",
];
const TRIGGERS = [
  "Coming home late without a message",
  "A locked phone left face down",
  "Mentioning the colleague involved",
  "Evenings out with the old group",
  "Vague answers about weekend plans",
];
const PLANS = [
  "Send a short message before I leave and when plans change.",
  "Leave my phone where we both can see it and answer openly if asked.",
  "Say it plainly and check in about how it landed.",
  "Agree the evening in advance and call when I am on my way.",
  "Give specific times and places, without being asked.",
];
const PROMISES = [
  "Call you on my lunch break",
  "Be home by 7 on Thursday",
  "Tell you if my plans change tonight",
  "Book the counselling session for next week",
  "Cook dinner together on Sunday",
  "Put my phone away during dinner",
  "Text when I arrive at the conference",
  "Join you for the walk on Saturday morning",
  "Share my calendar for next week",
  "Take the children to school on Friday",
];
const AGREEMENTS = [
  { title: "An evening call every day", details: "A short call or message each evening to say how the day went.", perWeek: 7 },
  { title: "Check in on weekdays", details: "A call at lunchtime on working days, even a brief one.", perWeek: 5 },
  { title: "Tell each other when plans change", details: "A message as soon as a plan changes, not after.", perWeek: null },
  { title: "Phones on the table at dinner", details: "No screens at the table; either of us can look at the other's phone if asked.", perWeek: null },
];
const CHECK_IN_NOTES = [
  "A calmer day. We talked over breakfast.",
  "Hard evening; the old feelings came back.",
  "Felt hopeful after our walk.",
  "Work was stressful and I was short with them.",
  "They called when they said they would. It mattered.",
  "I'm tired of feeling suspicious.",
  "We managed to talk about it without shouting.",
  "Quiet day, not much contact.",
];
const NOTE_TEXT = {
  subjective: [
    "Both partners report fewer arguments this fortnight.",
    "Partner A describes ongoing intrusive thoughts in the evenings.",
    "Partner B says they feel the work is one-sided at times.",
  ],
  objective: [
    "Both attended on time; affect calmer than last session.",
    "Partner A tearful when discussing the disclosure; able to continue.",
    "Check-in adherence has been steady; trust ratings trending up.",
  ],
  assessment: [
    "Progressing through the current step; repair attempts are landing.",
    "Engagement uneven; risk of stalling at the agreements stage.",
    "Trust remains fragile; no safety concerns raised in session.",
  ],
  plan: [
    "Continue the current step; review promises next session.",
    "Introduce the next exercise and agree a check-in rhythm.",
    "Individual session with each partner before the next joint one.",
  ],
};

type Profile = {
  startDaysAgo: number;
  currentStep: number;
  baseTrust: [number, number];
  slope: [number, number];
  checkInRate: [number, number];
  keepRate: number;
  status: "active" | "paused";
};

function profileFor(t: Trajectory, days: number): Profile {
  switch (t) {
    case "improving":
      return { startDaysAgo: days, currentStep: 6, baseTrust: [2.5, 4], slope: [4.5, 3], checkInRate: [0.88, 0.82], keepRate: 0.85, status: "active" };
    case "steady":
      return { startDaysAgo: days, currentStep: 8, baseTrust: [6, 6.5], slope: [1, 0.8], checkInRate: [0.8, 0.78], keepRate: 0.9, status: "active" };
    case "stalled":
      return { startDaysAgo: days, currentStep: 2, baseTrust: [4, 4.5], slope: [0, 0.2], checkInRate: [0.55, 0.6], keepRate: 0.6, status: "active" };
    case "declining":
      return { startDaysAgo: days, currentStep: 7, baseTrust: [6, 6], slope: [-2.5, -1.5], checkInRate: [0.7, 0.65], keepRate: 0.45, status: "active" };
    case "paused":
      return { startDaysAgo: days, currentStep: 4, baseTrust: [4, 5], slope: [0.5, 0], checkInRate: [0.35, 0.3], keepRate: 0.6, status: "paused" };
    case "just_started":
      return { startDaysAgo: 6, currentStep: 1, baseTrust: [3, 4.5], slope: [0, 0], checkInRate: [0.9, 0.85], keepRate: 0.8, status: "active" };
  }
}

/** Made-up answer for an exercise kind, built from its field descriptions and checked by its schema. */
function makeAnswer(faker: Faker, kind: ExerciseKindId, day: string): Record<string, unknown> {
  const fill = (field: FieldSpec): unknown => {
    switch (field.kind) {
      case "text":
        return field.name.toLowerCase().includes("trigger")
          ? faker.helpers.arrayElement(TRIGGERS)
          : faker.helpers.arrayElement(PROMISES);
      case "textarea":
        if (kind === "trigger_map" || field.name.toLowerCase().includes("plan")) return faker.helpers.arrayElement(PLANS);
        if (kind === "daily_sharing") return `${faker.helpers.arrayElement(REFLECTIONS)} (${questionForDate(day).slice(0, 40)}…)`;
        return faker.helpers.arrayElements(REFLECTIONS, { min: 1, max: 2 }).join(" ");
      case "choice":
        return faker.helpers.arrayElement(field.options ?? [{ value: "", label: "" }]).value;
      case "rating":
        return faker.number.int({ min: field.min ?? 0, max: field.max ?? 10 });
      case "date":
        return day;
      case "list":
        return Array.from({ length: faker.number.int({ min: 1, max: Math.min(3, field.maxItems ?? 3) }) }, () =>
          Object.fromEntries((field.itemFields ?? []).map((f) => [f.name, fill(f)])),
        );
    }
  };
  const payload = Object.fromEntries(EXERCISE_KINDS[kind].fields.map((f) => [f.name, fill(f)]));
  const parsed = parseAnswer(kind, payload);
  if (!parsed.success) throw new Error(`demo answer for ${kind} does not validate: ${parsed.error.message}`);
  return parsed.data as Record<string, unknown>;
}

function makeSafetyAnswer(faker: Faker, concerning: boolean, day: string): Record<string, unknown> {
  for (let attempt = 0; attempt < 500; attempt++) {
    const answer = makeAnswer(faker, "safety_screen", day);
    if (isSafetyConcern(answer as SafetyScreenAnswer) === concerning) return answer;
  }
  // Choose the first option of every question ("never" / "yes" style) when chance does not oblige.
  const safe = Object.fromEntries(
    EXERCISE_KINDS.safety_screen.fields.filter((f) => f.kind === "choice").map((f) => [f.name, f.options![0]!.value]),
  );
  return parseAnswer("safety_screen", safe).data as Record<string, unknown>;
}

/**
 * Builds a whole clinic of believable, made-up history. Deterministic for a given seed and
 * "today": the same inputs give the same rows, ids included.
 */
export function buildClinic(spec: ClinicSpec): ClinicRows {
  const faker = new Faker({ locale: [en_GB, en], seed: spec.seed });
  const id = () => faker.string.uuid();
  const ts = (day: string, hour = 12) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00Z`);
  const usedEmails = new Set<string>();
  const email = (first: string, last: string) => {
    const base = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, "");
    let candidate = `${base}@${spec.emailDomain}`;
    for (let n = 2; usedEmails.has(candidate); n++) candidate = `${base}${n}@${spec.emailDomain}`;
    usedEmails.add(candidate);
    return candidate;
  };

  const rows: ClinicRows = {
    clinic: { id: id(), name: spec.clinicName },
    users: [],
    couples: [],
    coupleMembers: [],
    stepProgress: [],
    assignments: [],
    exerciseResponses: [],
    checkIns: [],
    agreements: [],
    promises: [],
    safetyConcerns: [],
    notes: [],
  };
  const clinicId = rows.clinic.id!;
  const addUser = (role: "counsellor" | "partner" | "clinic_admin", address: string, name: string) => {
    usedEmails.add(address);
    const userId = id();
    rows.users.push({ id: userId, clinicId, role, email: address, name, passwordHash: spec.passwordHash });
    return userId;
  };

  addUser("clinic_admin", spec.admin.email, spec.admin.name);

  for (const counsellor of spec.counsellors) {
    const counsellorId = addUser("counsellor", counsellor.email, counsellor.name);
    for (const coupleSpec of counsellor.couples) {
      const profile = profileFor(coupleSpec.trajectory, spec.days);
      const startedOn = plus(spec.today, -profile.startDaysAgo);
      const people =
        coupleSpec.partners ??
        ([0, 1].map(() => {
          const first = faker.person.firstName();
          const last = faker.person.lastName();
          return { email: email(first, last), name: `${first} ${last}` };
        }) as [{ email: string; name: string }, { email: string; name: string }]);
      const partnerIds = [addUser("partner", people[0].email, people[0].name), addUser("partner", people[1].email, people[1].name)];
      const coupleId = id();
      const firstNames = people.map((p) => p.name.split(" ")[0]);
      const totalDays = differenceInCalendarDays(parseISO(spec.today), parseISO(startedOn));

      // Steps: evenly spaced up to the current one, which is in progress.
      const stepLength = Math.max(3, Math.floor(totalDays / profile.currentStep));
      const stepStart = (n: number) => plus(startedOn, (n - 1) * stepLength);
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

      // Agreements from step 3 on; the first one sets the contact rhythm.
      let perWeek = 7;
      if (profile.currentStep >= 3) {
        const picks = faker.helpers.arrayElements(AGREEMENTS, { min: 2, max: 3 });
        if (picks[0]!.perWeek === null) picks.unshift(AGREEMENTS[faker.number.int({ min: 0, max: 1 })]!);
        picks.forEach((a, i) => {
          const proposer = i % 2;
          const day = plus(stepStart(3), i);
          const declined = i === picks.length - 1 && faker.datatype.boolean({ probability: 0.3 });
          rows.agreements.push({
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
          });
          if (!declined && a.perWeek !== null && i === 0) perWeek = a.perWeek;
        });
      }

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

      // Daily check-ins: a trend per partner, noise, and stretches of silence.
      for (let p = 0; p < 2; p++) {
        let silentUntil = -1;
        for (let d = 0; d <= totalDays; d++) {
          const day = plus(startedOn, d);
          if (coupleSpec.skipToday && day === spec.today) continue;
          if (d <= silentUntil) continue;
          if (faker.datatype.boolean({ probability: 0.03 })) silentUntil = d + faker.number.int({ min: 2, max: 5 });
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

      // Assignments for every step reached, answered where the step is done.
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

      // Promises from step 5 on: made by either partner, confirmed by the other.
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

      // Clinical notes roughly fortnightly; the latest is still a draft.
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
  }
  return rows;
}
