import { defineKind } from "../define-kind";
import { choice, defineAnswer, optionalTextarea, type Option } from "../fields";
import type { z } from "zod";

type Frequency = "never" | "sometimes" | "often";
const frequencyOptions = [
  { value: "never", label: "Never" },
  { value: "sometimes", label: "Sometimes" },
  { value: "often", label: "Often" },
] as const satisfies readonly Option<Frequency>[];

const answer = defineAnswer({
  afraidOfPartner: choice({
    label: "Do you feel afraid of your partner?",
    options: frequencyOptions,
    missing: "Please choose an answer about feeling afraid.",
  }),
  hurtOrThreatened: choice({
    label: "In the past year, has your partner hurt you, or threatened to hurt you, your children or your pets?",
    options: frequencyOptions,
    missing: "Please choose an answer about being hurt or threatened.",
  }),
  controlled: choice({
    label: "Does your partner check up on you, or limit your money, phone or who you see, in a way that feels controlling?",
    options: frequencyOptions,
    missing: "Please choose an answer about feeling checked up on or controlled.",
  }),
  worriedAfterSessions: choice({
    label: "Do you worry about what might happen at home after something is said in a session?",
    options: frequencyOptions,
    missing: "Please choose an answer about worrying after sessions.",
  }),
  safeToSpeak: choice({
    label: "Do you feel safe to speak freely in sessions when your partner is there?",
    options: [
      { value: "yes", label: "Yes" },
      { value: "not_sure", label: "I'm not sure" },
      { value: "no", label: "No" },
    ],
    missing: "Please choose an answer about speaking freely in sessions.",
  }),
  anythingElse: optionalTextarea({
    label: "Anything else you want your counsellor to know",
    help: "Optional. Only your counsellor will see this form.",
  }),
});

/** A validated safety screen. */
export type SafetyScreenAnswer = z.output<typeof answer.schema>;

/** The safety-screen questions whose every answer other than "never" signals risk. */
const RISK_FREQUENCY_QUESTIONS = ["afraidOfPartner", "hurtOrThreatened", "controlled", "worriedAfterSessions"] as const;

/** Whether one question's answer is worrying; the free-text field never is by itself. */
function isWorrying(field: string, answer: SafetyScreenAnswer): boolean {
  if ((RISK_FREQUENCY_QUESTIONS as readonly string[]).includes(field)) return answer[field as (typeof RISK_FREQUENCY_QUESTIONS)[number]] !== "never";
  if (field === "safeToSpeak") return answer.safeToSpeak !== "yes";
  return false;
}

/**
 * The questions a screen answered worryingly, in the form's order, by the rule of
 * {@link isSafetyConcern}: what the counsellor sees marked when they read the screen.
 */
export function safetyConcernFields(screen: SafetyScreenAnswer): string[] {
  return answer.fields.filter((f) => isWorrying(f.name, screen)).map((f) => f.name);
}

/**
 * True when a safety screen shows any sign of risk, so the counsellor is alerted to follow up with
 * that partner on their own. It pauses nothing by itself: the other partner sees no change.
 *
 * The rule, deliberately cautious: risk if any of feeling afraid of the partner, being hurt or
 * threatened, feeling controlled, or worrying about what happens at home after sessions is
 * answered anything other than "never"; or if feeling safe to speak freely in sessions is
 * answered anything other than "yes" (so "no" and "not sure" both count). A single "sometimes"
 * is enough: a screen should over-flag rather than miss someone.
 *
 * Takes a validated answer (see `parseAnswer`).
 */
export function isSafetyConcern(answer: SafetyScreenAnswer): boolean {
  return safetyConcernFields(answer).length > 0;
}

/**
 * A private screen asked of each partner before joint work. Always counsellor-only, never shown
 * back once sent, still open while joint work is paused, and a worrying answer raises a concern
 * that alerts the counsellor only.
 */
export const safetyScreen = defineKind({
  id: "safety_screen",
  title: "Feeling safe",
  summary: "A few short questions about how safe you feel at home and in sessions. Only your counsellor will see your answers.",
  counsellorNote:
    "Give to each partner separately before any joint exercises. A flagged screen alerts only you: follow up with that partner individually, assess risk and plan for safety, and pause joint work from the couple page if needed. Never discuss one partner's answers with the other.",
  defaultVisibility: "counsellor_only",
  visibilityLocked: true,
  sealedOnceSent: true,
  allowedDuringHold: true,
  assignable: true,
  answer,
  raisesSafetyConcern: isSafetyConcern,
  concerningFields: safetyConcernFields,
});
