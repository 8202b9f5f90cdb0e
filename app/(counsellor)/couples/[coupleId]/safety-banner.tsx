import type { CoupleActivity } from "@/lib/dal/couples";
import { isoDay } from "@/lib/format";
import { clearSafetyAction } from "./actions";
import { ActionButtonForm } from "./couple-controls";

/**
 * Shown at the top of the page while a safety concern is open. It alerts the counsellor only:
 * nothing changes for either partner, and joint work goes on unless the counsellor pauses it.
 */
export function SafetyBanner({ coupleId, concerns, zone }: { coupleId: string; concerns: CoupleActivity["openSafetyConcerns"]; zone: string }) {
  const [first] = concerns;
  if (!first) return null;
  return (
    <div className="space-y-2 rounded-lg border border-danger bg-danger-soft p-4">
      <h2 className="font-semibold text-danger">A safety concern is open</h2>
      <p className="text-sm">
        A safety screen raised a concern on {isoDay(first.raisedAt, zone)}. Read it under Exercise answers. Neither partner has been
        told anything, and joint work carries on unless you pause it below. Speak with each partner on their own, then mark it
        reviewed.
      </p>
      <ActionButtonForm action={clearSafetyAction.bind(null, coupleId)} size="sm" variant="danger" pendingLabel="Saving…">
        Mark as reviewed
      </ActionButtonForm>
    </div>
  );
}
