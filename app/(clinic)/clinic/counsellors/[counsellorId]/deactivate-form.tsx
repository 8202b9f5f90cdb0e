"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { initialFormState } from "@/lib/actions/form-state";
import type { CounsellorOption } from "@/lib/dal/clinic-staff";
import { deactivateCounsellorAction } from "../../actions";

/** Deactivation, with a new counsellor to choose for every couple the person still supports. */
export function DeactivateForm({
  counsellor,
  couples,
  candidates,
}: {
  counsellor: { id: string; name: string };
  couples: { id: string; name: string }[];
  candidates: CounsellorOption[];
}) {
  const [state, action, pending] = useActionState(deactivateCounsellorAction, initialFormState);
  const blocked = couples.length > 0 && candidates.length === 0;
  return (
    <form action={action} className="space-y-4" aria-label={`Deactivate ${counsellor.name}`}>
      <input type="hidden" name="counsellorId" value={counsellor.id} />
      {state.message ? <Alert tone="error">{state.message}</Alert> : null}
      {couples.length > 0 ? (
        <fieldset className="space-y-3">
          <legend className="mb-2 font-medium">Choose a new counsellor for each couple</legend>
          {couples.map((c) => (
            <SelectField
              key={c.id}
              label={c.name}
              name={`couple:${c.id}`}
              defaultValue={state.values?.[`couple:${c.id}`] ?? ""}
              errors={state.fieldErrors?.[`couple:${c.id}`]}
              required
            >
              <option value="">Choose a counsellor</option>
              {candidates.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </SelectField>
          ))}
        </fieldset>
      ) : (
        <p className="text-sm text-muted">{counsellor.name} supports no couples, so nobody needs handing over.</p>
      )}
      {blocked ? (
        <Alert tone="warn">There is no other active counsellor to take these couples. Invite one first.</Alert>
      ) : null}
      <Button type="submit" variant="danger" disabled={pending || blocked}>
        {pending ? "Deactivating…" : `Deactivate ${counsellor.name}`}
      </Button>
    </form>
  );
}
