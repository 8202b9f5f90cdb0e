import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import { checkIns, exerciseResponses } from "@/db/schema";
import { exerciseKindIdsWhere, VISIBILITIES, type ExerciseKind, type ExerciseKindId, type Visibility } from "@/lib/program";
import { qualified, sqlAlias, sqlEnum, sqlFrom } from "../sql";

/**
 * What a partner may see of the other partner's work, in one place. Every partner DAL function
 * reads exercise answers and check-ins through these fragments; the rules come from the kinds'
 * properties (`counsellorOnly`, `revealWhenBothAnswered`, `sealedOnceSent`), never from ids.
 *
 * Exercise answers: all of my own; of the other partner's, only sent answers marked shared, of
 * a kind that is not counsellor-only, and for reveal-when-both kinds only once I have sent my
 * own answer for the same occurrence. A sealed kind (the safety screen) is not shown back even
 * to its writer once sent.
 *
 * Check-ins: a partner's own pages read their own check-ins; of the other partner's, they see the
 * scores, mood and contact answer of every check-in (the check-in form says so), and its note
 * only when it was marked shared — never a counsellor-only note.
 */

const NEVER_SHOWN_TO_PARTNER = exerciseKindIdsWhere((k) => k.counsellorOnly);
const REVEALED_WHEN_BOTH_ANSWERED = exerciseKindIdsWhere((k) => k.revealWhenBothAnswered);
const SEALED_ONCE_SENT = exerciseKindIdsWhere((k) => k.sealedOnceSent);

/** `kind in (…)` over a list computed from the kinds; false for an empty list (SQL has no empty `in`). */
function kindIn(kinds: readonly ExerciseKindId[]): SQL {
  if (kinds.length === 0) return sql`false`;
  return sql`(${qualified(exerciseResponses.exerciseKind)} in (${sql.join(
    kinds.map((k) => sql`${k}`),
    sql`, `,
  )}))`;
}

/** The viewer's own answer to the same occurrence, in the reveal-when-both subquery. */
const mine = sqlAlias(exerciseResponses, "mine");
const SUBMITTED = sqlEnum(exerciseResponses.status, "submitted");

/**
 * The rows of exercise_responses `viewerId` (a partner) may read, as a WHERE fragment. Combine
 * it with the couple's scope: it says whose answers, not which couple.
 */
export function exerciseResponsesVisibleTo(viewerId: string): SQL {
  return sql`(
    ${qualified(exerciseResponses.userId)} = ${viewerId}
    or (
      ${qualified(exerciseResponses.status)} = ${SUBMITTED}
      and ${qualified(exerciseResponses.visibility)} = ${sqlEnum(exerciseResponses.visibility, "shared")}
      and not ${kindIn(NEVER_SHOWN_TO_PARTNER)}
      and (
        not ${kindIn(REVEALED_WHEN_BOTH_ANSWERED)}
        or exists (
          select 1 from ${sqlFrom(mine)}
          where ${mine.assignmentId} = ${qualified(exerciseResponses.assignmentId)}
            and ${mine.occurrenceOn} = ${qualified(exerciseResponses.occurrenceOn)}
            and ${mine.userId} = ${viewerId}
            and ${mine.status} = ${SUBMITTED}
        )
      )
    )
  )`;
}

/** An answer's payload as a partner may see it: null for a sent answer of a sealed kind, whoever wrote it. */
export const partnerVisiblePayload = sql<Record<string, unknown> | null>`case when ${kindIn(SEALED_ONCE_SENT)} and ${qualified(exerciseResponses.status)} = ${SUBMITTED} then null else ${qualified(exerciseResponses.payload)} end`;

/**
 * Whether a partner may be told that the other partner has answered an occurrence they cannot
 * read yet: only for a reveal-when-both kind, while their own answer is not sent. The fact of an
 * answer, never its content: enough to say "your partner has replied".
 */
export function mayShowPartnerAnswered(
  kind: Pick<ExerciseKind, "revealWhenBothAnswered">,
  state: { partnerAnswerVisible: boolean; mySubmitted: boolean },
): boolean {
  return kind.revealWhenBothAnswered && !state.partnerAnswerVisible && !state.mySubmitted;
}

/**
 * The visibility an answer is stored with: the kind's own when it is locked (the safety screen
 * is always counsellor-only, whatever a tampered form says), else the partner's choice when it
 * is a known one, else the kind's default.
 */
export function storedVisibility(kind: Pick<ExerciseKind, "visibilityLocked" | "defaultVisibility">, requested: unknown): Visibility {
  if (kind.visibilityLocked) return kind.defaultVisibility;
  return VISIBILITIES.includes(requested as Visibility) ? (requested as Visibility) : kind.defaultVisibility;
}

/** The check-ins a partner's own pages read: their own, never the other partner's. */
export function ownCheckIns(viewerId: string): SQL {
  return eq(checkIns.userId, viewerId);
}

/** The other partner's check-ins, within their couple: scope it with {@link partnerCheckInNote} for the note. */
export function otherPartnersCheckIns(coupleId: string, otherId: string): SQL {
  return and(eq(checkIns.coupleId, coupleId), eq(checkIns.userId, otherId))!;
}

/** A check-in's note as the other partner may read it: the note when it was marked shared, else null. */
export const partnerCheckInNote = sql<string | null>`case when ${qualified(checkIns.noteVisibility)} = ${sqlEnum(checkIns.noteVisibility, "shared")} then ${qualified(checkIns.note)} else null end`;
