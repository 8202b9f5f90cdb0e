import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { CaseloadRow } from "@/lib/dal/caseload";
import type { CoupleSummary } from "@/lib/dal/couples";
import { STATUS_LABELS, STATUS_TONES } from "@/lib/labels";
import { FLAG_DESCRIPTIONS, FLAG_LABELS } from "@/lib/metrics/flags";
import { getStep } from "@/lib/program";

/**
 * The couple's name, status, step and the check-ins expected now (`contact`: the contact agreement
 * in force, or the labelled default), with the caseload's flags beneath.
 */
export function CoupleHeader({ couple, flags, contact }: { couple: CoupleSummary; flags: CaseloadRow["flags"]; contact: string }) {
  const step = getStep(couple.currentStep);
  return (
    <div>
      <p className="text-sm">
        <Link href="/caseload" className="font-medium text-brand hover:underline">
          ← Caseload
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">{couple.name}</h1>
      <div className="mt-1 flex flex-wrap items-center gap-2 text-muted">
        <Badge tone={STATUS_TONES[couple.status]}>{STATUS_LABELS[couple.status]}</Badge>
        <span>Started {couple.startedOn}</span>
        <span>·</span>
        <span>
          Step {couple.currentStep}: {step?.title}
        </span>
        <span>·</span>
        <span>{contact}</span>
      </div>
      <ul aria-label="Flags" className="mt-2 flex flex-wrap gap-2">
        {flags.length === 0 ? (
          <li className="text-sm text-muted">No flags</li>
        ) : (
          flags.map((flag) => (
            <li key={flag}>
              <Badge tone={flag === "safety_concern" ? "danger" : "warn"} title={FLAG_DESCRIPTIONS[flag]}>
                {FLAG_LABELS[flag]}
              </Badge>
            </li>
          ))
        )}
      </ul>
    </div>
  );
}
