import { agreement } from "./kinds/agreement";
import { dailyCheckIn } from "./kinds/daily-check-in";
import { dailySharing } from "./kinds/daily-sharing";
import { disclosureWorksheet } from "./kinds/disclosure-worksheet";
import { monthlyReview } from "./kinds/monthly-review";
import { noticingLog } from "./kinds/noticing-log";
import { privateReflection } from "./kinds/private-reflection";
import { promise } from "./kinds/promise";
import { rebuildDecision } from "./kinds/rebuild-decision";
import { safetyScreen } from "./kinds/safety-screen";
import { triggerMap } from "./kinds/trigger-map";
import type { KindDefinition } from "./define-kind";
import type { ExerciseKindId } from "./kinds";

/**
 * Version of the program content. Bump it when steps, exercise kinds or their answer schemas
 * change in a way that affects stored data or what people were shown.
 */
export const PROGRAM_VERSION = "2026.1";

/** One step of the ten-step program. */
export type Step = {
  /** 1–10, in program order. */
  number: number;
  slug: string;
  title: string;
  /** For partners, one or two sentences. */
  aim: string;
  /** For counsellors, two to four sentences of practical guidance. */
  guidance: string;
  /** The ids of the kinds this step brings, in the order listed. */
  exerciseKinds: ExerciseKindId[];
};

type StepDefinition = Omit<Step, "exerciseKinds"> & { kinds: readonly KindDefinition[] };

/**
 * The ten steps, in order, each naming the exercise kinds it brings. This list is the one place a
 * kind is registered: the registry (`kinds/index.ts`) reads its kinds, and each kind's step, from here.
 */
export const STEP_DEFINITIONS = [
  {
    number: 1,
    slug: "talk-it-through",
    title: "Talk it through",
    aim: "Take the time to talk properly about what happened, so you both understand it. This usually takes more than one conversation, and that's all right.",
    guidance:
      "Pace the disclosure so it is thorough without becoming an interrogation, and pause if either partner is overwhelmed. Have each partner complete the worksheet beforehand so both accounts are heard. Watch for a rush to move on: a brief or partial account tends to resurface later.",
    kinds: [disclosureWorksheet],
  },
  {
    number: 2,
    slug: "decide-together",
    title: "Decide whether to rebuild",
    aim: "Each of you thinks honestly about whether you want to try to rebuild, and what you would be willing to change. It only works if you both choose it.",
    guidance:
      "Give each partner the safety screen privately before any joint exercise; a flagged screen means individual follow-up and safety planning, not couple work. Treat 'unsure' as a real position to explore. Rebuilding needs commitment and some give from both; if one partner decides against it, the work may turn to separating with care.",
    kinds: [rebuildDecision, safetyScreen],
  },
  {
    number: 3,
    slug: "new-agreements",
    title: "Agree what will change",
    aim: "Agree on specific, practical changes, such as how often you'll be in touch. A few small, clear agreements are easier to keep than big ones.",
    guidance:
      "Help the couple turn broad wishes into concrete agreements: what, how often and by whom. One partner proposes and the other accepts before it is tracked. Start with a few achievable agreements; one that sets a contact frequency becomes the yardstick for check-in adherence.",
    kinds: [agreement],
  },
  {
    number: 4,
    slug: "stay-in-touch",
    title: "Stay in touch and be honest",
    aim: "Check in every day: how much trust and closeness you feel, and whether you had the contact you agreed. Saying how you really feel, even when it's hard, helps you understand each other.",
    guidance:
      "Read each partner's trust and closeness as a trend, and watch the gap between them rather than single days. Encourage honest low scores; they are information, not failure. Notes marked for you only can show what a partner isn't yet ready to say in the room.",
    kinds: [dailyCheckIn],
  },
  {
    number: 5,
    slug: "keep-your-word",
    title: "Keep your promises",
    aim: "Make promises you can keep, and keep them. Each kept promise, however small, shows your partner they can rely on you.",
    guidance:
      "Coach partners towards small, specific promises with a clear time; a vague promise can't be confirmed. The other partner marks each one kept or broken. Review broken promises without blame by asking what got in the way, and look at the weekly keep rate rather than any one promise.",
    kinds: [promise],
  },
  {
    number: 6,
    slug: "grow-closer",
    title: "Grow closer again",
    aim: "Share a little of your day and answer a question together each day. Small, regular moments of connection help close the distance.",
    guidance:
      "The question of the day is a low-pressure way to rebuild everyday closeness. Answers are revealed only once both have replied, so neither writes in response to the other. If one partner often doesn't answer, explore it in session rather than through the app.",
    kinds: [dailySharing],
  },
  {
    number: 7,
    slug: "open-up",
    title: "Open up and be close",
    aim: "Reflect on letting your guard down, on closeness, and on your hopes. Only your counsellor sees your reflections unless you choose to share them.",
    guidance:
      "Reflections are counsellor-only by default, and a partner may choose to share. Treat physical intimacy as one part of closeness, never a target or an obligation, and let each partner set their own pace. Bring themes into session only with the writer's consent.",
    kinds: [privateReflection],
  },
  {
    number: 8,
    slug: "avoid-triggers",
    title: "Avoid known triggers",
    aim: "Think ahead about situations that set off alarm for your partner, such as being out late without replying, and plan what you'll do instead.",
    guidance:
      "Help the partner who broke trust map specific situations, drawing on the other partner's account of what worries them. Each situation needs a concrete alternative. Revisit the map as trust grows: avoiding triggers supports the early months rather than being a permanent rule.",
    kinds: [triggerMap],
  },
  {
    number: 9,
    slug: "pay-attention",
    title: "Notice what your partner needs",
    aim: "Pay close attention to how your partner is doing, and respond. Noting what you noticed, and what you did, helps it become a habit.",
    guidance:
      "The log builds the habit of attending to the other partner's state. Look for entries that anticipate rather than react, and for growing accuracy over time. Invite the other partner to say whether they felt noticed.",
    kinds: [noticingLog],
  },
  {
    number: 10,
    slug: "give-it-time",
    title: "Give it time",
    aim: "Trust comes back slowly, and doubts can linger for months. Once a month, look back at how far you've come and what you'll keep working on.",
    guidance:
      "Compare each review with the couple's own baseline from the start, not with other couples. Normalise lingering doubt: a setback is not a reset. Close each review by agreeing next month's focus.",
    kinds: [monthlyReview],
  },
] as const satisfies readonly StepDefinition[];

/** The ten steps, in order; `STEPS[n - 1].number === n`. */
export const STEPS: readonly Step[] = STEP_DEFINITIONS.map(({ kinds, ...step }) => ({
  ...step,
  exerciseKinds: kinds.map((kind) => kind.id),
}));

/** The step numbered `n` (1–10), or undefined. */
export function getStep(n: number): Step | undefined {
  return STEPS.find((s) => s.number === n);
}

/** True when step `step` brings exercise kind `kind`; use it to reject an assignment of a kind to the wrong step. */
export function isExerciseKindOfStep(step: number, kind: string): boolean {
  return getStep(step)?.exerciseKinds.some((k) => k === kind) ?? false;
}
