import { daysFrom, type IsoDate } from "./dates";

/** Caseload flags, in the order they are always returned and shown. */
export const FLAG_IDS = [
  "no_recent_check_in",
  "broken_promise",
  "trust_drop",
  "overdue_assignment",
  "safety_concern",
] as const;

/** One caseload flag. */
export type FlagId = (typeof FLAG_IDS)[number];

/** A partner with no check-in for this many days (or more) raises `no_recent_check_in`. */
export const NO_CHECK_IN_DAYS = 3;
/** A promise marked broken fewer than this many days ago raises `broken_promise`. */
export const BROKEN_PROMISE_DAYS = 7;
/** A fall of this many points (or more) in a partner's 7-day trust mean raises `trust_drop`. */
export const TRUST_DROP_POINTS = 2;
/**
 * Slack when comparing the trust change with the threshold: differences of means such as
 * 7/3 − 13/3 come out as −1.9999999999999996 in floating point and must still count as a 2-point drop.
 */
export const TRUST_DROP_TOLERANCE = 1e-9;

/** Short labels for a counsellor's caseload list: factual, not alarming. */
export const FLAG_LABELS: Record<FlagId, string> = {
  no_recent_check_in: `No check-in ${NO_CHECK_IN_DAYS}+ days`,
  broken_promise: "Promise broken this week",
  trust_drop: `Trust down ${TRUST_DROP_POINTS}+ points`,
  overdue_assignment: "Overdue assignment",
  safety_concern: "Safety concern open",
};

/** One-sentence explanations shown alongside a flag (tooltip, legend). */
export const FLAG_DESCRIPTIONS: Record<FlagId, string> = {
  no_recent_check_in: `At least one partner has not checked in for ${NO_CHECK_IN_DAYS} days or more.`,
  broken_promise: `A promise was marked broken in the last ${BROKEN_PROMISE_DAYS} days.`,
  trust_drop: `One partner's average trust over the last 7 days is ${TRUST_DROP_POINTS} or more points below the 7 days before.`,
  overdue_assignment: "An assigned step or exercise is past its due date and not yet done.",
  safety_concern: "A safety concern has been raised and is not yet resolved.",
};

/** What {@link computeFlags} needs to know about one couple. */
export type FlagInput = {
  today: IsoDate;
  /** Day the couple started the program; stands in for a partner who has never checked in. */
  coupleStartedOn: IsoDate;
  partners: {
    /** Latest day this partner checked in, null if never. */
    lastCheckIn: IsoDate | null;
    /** That partner's {@link trustChange}.change as of today, null if not computable. */
    trustChange: number | null;
  }[];
  /** Most recent `resolvedOn` of a promise whose status is broken, null if none. */
  lastBrokenPromiseOn: IsoDate | null;
  /** Assignments past due and not completed. */
  overdueAssignments: number;
  openSafetyConcern: boolean;
};

/**
 * Flags for one couple on the caseload, in {@link FLAG_IDS} order. With d(x) = today − x in
 * calendar days:
 * - `no_recent_check_in`: some partner has d(lastCheckIn) ≥ 3, or has never checked in and
 *   d(coupleStartedOn) ≥ 3 (so a couple in its first days is not flagged for not starting yet);
 * - `broken_promise`: d(lastBrokenPromiseOn) < 7, i.e. broken today or on one of the 6 days before
 *   (a date in the future also counts);
 * - `trust_drop`: some partner has trustChange ≤ −2 (within {@link TRUST_DROP_TOLERANCE});
 *   a null change never flags;
 * - `overdue_assignment`: overdueAssignments > 0;
 * - `safety_concern`: openSafetyConcern.
 */
export function computeFlags(input: FlagInput): FlagId[] {
  const { today } = input;
  const on: Record<FlagId, boolean> = {
    no_recent_check_in: input.partners.some(
      (p) => daysFrom(p.lastCheckIn ?? input.coupleStartedOn, today) >= NO_CHECK_IN_DAYS,
    ),
    broken_promise:
      input.lastBrokenPromiseOn !== null && daysFrom(input.lastBrokenPromiseOn, today) < BROKEN_PROMISE_DAYS,
    trust_drop: input.partners.some(
      (p) => p.trustChange !== null && p.trustChange <= -TRUST_DROP_POINTS + TRUST_DROP_TOLERANCE,
    ),
    overdue_assignment: input.overdueAssignments > 0,
    safety_concern: input.openSafetyConcern,
  };
  return FLAG_IDS.filter((id) => on[id]);
}
