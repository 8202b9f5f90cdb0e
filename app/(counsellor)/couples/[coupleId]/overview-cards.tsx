import { Card, CardTitle } from "@/components/ui/card";
import type { CaseloadRow } from "@/lib/dal/caseload";
import type { CoupleSummary } from "@/lib/dal/couples";
import { formatNumber } from "@/lib/format";
import { getStep } from "@/lib/program";
import { completeStepAction } from "./actions";
import { CompleteStepForm } from "./couple-controls";

/** Each partner's latest check-in and this week's trust, and the current step with its guidance. */
export function OverviewCards({
  couple,
  partners,
  currentStepDone,
}: {
  couple: CoupleSummary;
  partners: CaseloadRow["partners"];
  currentStepDone: boolean;
}) {
  const step = getStep(couple.currentStep);
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Card>
        <CardTitle>Partners</CardTitle>
        <ul className="mt-2 space-y-1">
          {partners.map((p) => (
            <li key={p.slot}>
              <span className="font-medium">{p.name}</span>{" "}
              <span className="text-sm text-muted">
                last check-in {p.lastCheckIn ?? "never"} · trust this week {formatNumber(p.trust)}
              </span>
            </li>
          ))}
        </ul>
      </Card>
      <Card>
        <CardTitle>Current step</CardTitle>
        <p className="mt-2 font-medium">
          Step {couple.currentStep}: {step?.title}
        </p>
        <p className="mt-1 text-sm text-muted">{step?.guidance}</p>
        {currentStepDone ? null : (
          <div className="mt-3">
            <CompleteStepForm action={completeStepAction.bind(null, couple.id)} step={couple.currentStep} />
          </div>
        )}
      </Card>
    </div>
  );
}
