"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { initialFormState } from "@/lib/actions/form-state";
import type { CounsellorOption } from "@/lib/dal/clinic-staff";
import { reassignCoupleAction } from "../actions";

/** One couple's "reassign to" control, inside its row of the directory. */
export function ReassignForm({
  coupleId,
  coupleName,
  currentCounsellorId,
  counsellors,
}: {
  coupleId: string;
  coupleName: string;
  currentCounsellorId: string;
  counsellors: CounsellorOption[];
}) {
  const [state, action, pending] = useActionState(reassignCoupleAction, initialFormState);
  const others = counsellors.filter((c) => c.id !== currentCounsellorId);
  if (others.length === 0) return <span className="text-muted">No other active counsellor</span>;
  return (
    <form action={action} className="flex flex-wrap items-end gap-2" aria-label={`Reassign ${coupleName}`}>
      <input type="hidden" name="coupleId" value={coupleId} />
      <SelectField
        label={`New counsellor for ${coupleName}`}
        name="counsellorId"
        defaultValue={state.values?.counsellorId ?? ""}
        errors={state.fieldErrors?.counsellorId}
        className="min-w-48 [&>label]:sr-only"
        required
      >
        <option value="">Choose a counsellor</option>
        {others.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        {pending ? "Reassigning…" : "Reassign"}
      </Button>
      {state.message ? (
        <Alert tone={state.status === "ok" ? "success" : "error"} className="w-full">
          {state.message}
        </Alert>
      ) : null}
    </form>
  );
}
