import { Card, CardTitle } from "@/components/ui/card";
import { JOINT_WORK_PAUSED_MESSAGE } from "@/lib/dal/policy/joint-work-pause";
import { pauseJointWorkAction, resumeJointWorkAction } from "./actions";
import { ActionButtonForm } from "./couple-controls";

/**
 * The counsellor's pause on the couple's joint work: never automatic, and separate from marking
 * a safety concern reviewed. Shows the exact words both partners read while it is paused.
 */
export function JointWorkCard({ coupleId, paused }: { coupleId: string; paused: boolean }) {
  return (
    <Card aria-labelledby="joint-work-heading" className="space-y-2">
      <CardTitle id="joint-work-heading">Joint work</CardTitle>
      {paused ? (
        <>
          <p className="text-sm">
            Joint work is paused. Both partners read: <q>{JOINT_WORK_PAUSED_MESSAGE}</q> Check-ins, private reflections and the
            safety screen stay open.
          </p>
          <ActionButtonForm action={resumeJointWorkAction.bind(null, coupleId)} size="sm" variant="secondary" pendingLabel="Saving…">
            Resume joint work
          </ActionButtonForm>
        </>
      ) : (
        <>
          <p className="text-sm text-muted">
            Joint exercises, agreements and promises are open. Pausing them shows both partners the same neutral message, with no
            reason given.
          </p>
          <ActionButtonForm action={pauseJointWorkAction.bind(null, coupleId)} size="sm" variant="secondary" pendingLabel="Saving…">
            Pause joint work
          </ActionButtonForm>
        </>
      )}
    </Card>
  );
}
