import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { ActivitySections } from "@/app/(counsellor)/couples/[coupleId]/activity-sections";
import { AUDIT_ACTIONS, CLINIC_AUDIT_ACTIONS } from "@/lib/audit/actions";
import { listAgreements } from "@/lib/dal/agreements";
import { getAuditFilterOptions, listAuditLog } from "@/lib/dal/audit-log";
import { listMyCheckIns } from "@/lib/dal/check-ins";
import { exportAuditLogCsv } from "@/lib/dal/clinic-exports";
import { getCouple, getCoupleActivity, setJointWorkPause } from "@/lib/dal/couples";
import { saveExerciseResponse } from "@/lib/dal/exercise-answers";
import { getExercise, listMyExercises } from "@/lib/dal/exercises";
import { listPartnersCheckIns } from "@/lib/dal/partner-check-ins";
import { getPartnerToday } from "@/lib/dal/partner-today";
import { JOINT_WORK_PAUSED_MESSAGE } from "@/lib/dal/policy/joint-work-pause";
import { getMyProgress } from "@/lib/dal/progress";
import { listPromises } from "@/lib/dal/promises";
import { EXERCISE_KINDS } from "@/lib/program";
import { createClinic, type FixtureClinic, type FixtureCouple, type FixtureUser } from "../support/fixtures";
import { addAssignment, clearSafetyConcerns, SAFE_SCREEN } from "../support/partner-fixtures";
import { signInAs } from "../support/session";

/**
 * A worrying safety screen alerts the counsellor and nobody else: the other partner's every page
 * reads exactly as before, the clinic admin's audit log never shows it, and a pause of joint work
 * is the counsellor's own decision, worded the same for both partners.
 */
let clinic: FixtureClinic;
let couple: FixtureCouple;
let answering: FixtureUser;
let other: FixtureUser;
let screen: string;
let joint: string;

const WORRYING = { ...SAFE_SCREEN, controlled: "often", safeToSpeak: "not_sure", anythingElse: "SCREEN-TEXT-4411" };

beforeAll(async () => {
  clinic = await createClinic({ couplesPerCounsellor: [["steady", "improving"]] });
  couple = clinic.couples[0]!;
  [answering, other] = couple.partners;
  // The seeded history may hold concerns; this file raises its own.
  for (const c of clinic.couples) await clearSafetyConcerns(c.id);
  screen = await addAssignment(couple, "safety_screen", { step: 2, forUserId: answering.id });
  joint = await addAssignment(couple, "disclosure_worksheet");
});

/** Everything the other partner's pages read. */
async function whatTheOtherPartnerReads() {
  const exercises = await listMyExercises();
  return {
    today: await getPartnerToday(),
    exercises,
    details: await Promise.all(exercises.map((e) => getExercise(e.id))),
    agreements: await listAgreements(),
    promises: await listPromises(),
    progress: await getMyProgress(90),
    checkIns: await listMyCheckIns(90),
    partnersCheckIns: await listPartnersCheckIns(14),
    couple: await getCouple(couple.id),
  };
}

describe("a worrying safety screen", () => {
  it("changes nothing the other partner reads, and shows the answering partner where to find help", async () => {
    signInAs(other);
    const before = await whatTheOtherPartnerReads();

    signInAs(answering);
    const saved = await saveExerciseResponse(screen, { payload: WORRYING, intent: "submit" });
    // The form shows this partner where to find help.
    expect(saved).toEqual({ status: "submitted", safetyConcern: true });
    expect((await getPartnerToday()).onHold).toBe(false);

    signInAs(other);
    const after = await whatTheOtherPartnerReads();
    expect(after).toEqual(before);
    expect(after.today.onHold).toBe(false);
    expect(after.exercises.find((e) => e.id === joint)?.onHold).toBe(false);
  });

  it("alerts the couple's counsellor, who reads the screen in the form's order with the worrying answers marked", async () => {
    signInAs(clinic.counsellors[0]!);
    const activity = await getCoupleActivity(couple.id);
    expect(activity.openSafetyConcerns).toHaveLength(1);
    expect(activity.jointWorkPaused).toBe(false);
    const answer = activity.answers.find((a) => a.exerciseKind === "safety_screen" && a.payload.anythingElse === "SCREEN-TEXT-4411")!;
    expect(answer.concerning).toEqual(["controlled", "safeToSpeak"]);

    const html = renderToStaticMarkup(createElement(ActivitySections, { activity: { ...activity, answers: [answer] } }));
    const labels = EXERCISE_KINDS.safety_screen.fields.map((f) => f.label);
    const positions = labels.map((label) => html.indexOf(label));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(html.match(/data-concerning="true"/g)).toHaveLength(2);
  });

  it("never reaches the clinic admin: not in the log, its filter, nor its CSV", async () => {
    signInAs(clinic.admin);
    const log = await listAuditLog({ page: 1 });
    const rows = [...log.rows];
    for (let page = 2; page <= log.pageCount; page++) rows.push(...(await listAuditLog({ page })).rows);
    const actions = new Set(rows.map((r) => r.action));
    expect(actions.has("exercise_response.submit")).toBe(true);
    for (const action of ["safety_concern.raise", "safety_concern.clear", "couple.pause_joint_work", "couple.resume_joint_work"]) {
      expect(actions.has(action), action).toBe(false);
      expect(CLINIC_AUDIT_ACTIONS, action).not.toContain(action);
      expect(AUDIT_ACTIONS[action as keyof typeof AUDIT_ACTIONS]).toHaveProperty("confidential", true);
    }
    expect(rows.some((r) => r.entityType === "safety_concern")).toBe(false);
    expect((await getAuditFilterOptions()).actions).not.toContain("safety_concern.raise");
    // Asking for the action by name finds nothing either.
    expect((await listAuditLog({ page: 1, action: "safety_concern.raise" })).total).toBe(0);
    const csv = await exportAuditLogCsv({});
    expect(csv.ok).toBe(true);
    if (csv.ok) expect(csv.csv).not.toMatch(/safety_concern|pause_joint_work/);
  });
});

describe("pausing joint work", () => {
  it("is the counsellor's decision; both partners then read the same neutral words, and joint work is refused with them", async () => {
    signInAs(clinic.counsellors[0]!);
    expect(await setJointWorkPause(couple.id, true)).toBe(true);

    const seen: string[] = [];
    for (const partner of [answering, other]) {
      signInAs(partner);
      const today = await getPartnerToday();
      expect(today.onHold).toBe(true);
      const listed = await listMyExercises();
      expect(listed.find((e) => e.id === joint)?.onHold).toBe(true);
      const refused = await saveExerciseResponse(joint, { payload: { whatHappened: "a", howItAffectedMe: "b", whatINeedToUnderstand: "c" }, intent: "submit" }).catch(
        (e: Error) => e.message,
      );
      seen.push(String(refused));
    }
    expect(seen).toEqual([JOINT_WORK_PAUSED_MESSAGE, JOINT_WORK_PAUSED_MESSAGE]);
    expect(JOINT_WORK_PAUSED_MESSAGE).not.toMatch(/safe|concern|screen|risk|partner/i);

    // Marking the concern reviewed leaves the pause as the counsellor set it.
    await clearSafetyConcerns(couple.id);
    signInAs(other);
    expect((await getPartnerToday()).onHold).toBe(true);
    signInAs(clinic.counsellors[0]!);
    expect(await setJointWorkPause(couple.id, false)).toBe(true);
    signInAs(other);
    expect((await getPartnerToday()).onHold).toBe(false);
  });

  it("is refused to a partner and to another couple's counsellor", async () => {
    signInAs(other);
    await expect(setJointWorkPause(couple.id, true)).rejects.toThrow();
    signInAs(clinic.admin);
    await expect(setJointWorkPause(couple.id, true)).rejects.toThrow();
  });
});
