import type { ExerciseKindId } from "@/lib/program";

/** One valid answer per kind; every other test mutates a copy of these. */
export const VALID: Record<ExerciseKindId, Record<string, unknown>> = {
  disclosure_worksheet: {
    whatHappened: "We stopped talking and I found out about the messages.",
    howItAffectedMe: "I can't sleep and I keep going over it.",
    whatINeedToUnderstand: "Why it went on for so long.",
  },
  rebuild_decision: { decision: "unsure", willingToChange: "Being more open about my day.", needFromPartner: "Patience." },
  safety_screen: {
    afraidOfPartner: "never",
    hurtOrThreatened: "never",
    controlled: "never",
    worriedAfterSessions: "never",
    safeToSpeak: "yes",
    anythingElse: "",
  },
  agreement: { title: "Evening phone call", details: "A short call at 7 every evening.", checkInsPerWeek: 7 },
  daily_check_in: { trust: 4, closeness: 6, mood: "okay", contact: "yes", note: "A quiet day.", noteVisibility: "shared" },
  promise: { text: "Home by 6 on Thursday", dueAt: "2026-03-05T18:00:00Z", details: "I'll text if the train is late." },
  daily_sharing: { answer: "The walk by the river.", fromMyDay: "Work was busy." },
  private_reflection: { openingUp: "It's easier when we're not rushed.", closeness: "Slowly.", hopes: "A calmer home." },
  trigger_map: { rows: [{ trigger: "Coming home late without replying", plan: "Message before 6 with a time." }] },
  noticing_log: { noticed: "They were quiet after the call.", whatIDid: "I asked and listened.", howItWent: "well" },
  monthly_review: { trustNow: 5, improved: "We talk more.", stillHurts: "Evenings apart.", nextMonth: "Keeping the calls." },
};

export function withField(kind: ExerciseKindId, name: string, value: unknown): Record<string, unknown> {
  return { ...structuredClone(VALID[kind]), [name]: value };
}

export function withoutField(kind: ExerciseKindId, name: string): Record<string, unknown> {
  const copy = structuredClone(VALID[kind]);
  delete copy[name];
  return copy;
}

/** A string of `n` characters, to test length limits. */
export const long = (n: number) => "a".repeat(n);
