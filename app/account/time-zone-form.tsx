"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { initialFormState } from "@/lib/actions/form-state";
import { CLINIC_ZONE_CHOICE } from "@/lib/validations/time-zone";
import { setMyTimeZoneAction } from "./time-zone-actions";

/** A person's own time zone, or their clinic's: the first choice, and the one everyone starts with. */
export function MyTimeZoneForm({ own, clinic, zones }: { own: string | null; clinic: string; zones: string[] }) {
  const [state, action, pending] = useActionState(setMyTimeZoneAction, initialFormState);
  return (
    <form action={action} className="space-y-3" aria-label="Your time zone" noValidate>
      <SelectField
        label="Time zone"
        name="timeZone"
        defaultValue={own ?? CLINIC_ZONE_CHOICE}
        hint="Type the first letters of a city to jump to it."
        errors={state.fieldErrors?.timeZone}
      >
        <option value={CLINIC_ZONE_CHOICE}>Use my clinic&apos;s time zone ({clinic})</option>
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replaceAll("_", " ")}
          </option>
        ))}
      </SelectField>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save time zone"}
      </Button>
      {state.message ? (
        <Alert tone={state.status === "ok" ? "success" : "error"} aria-live={state.status === "ok" ? "polite" : "assertive"}>
          {state.message}
        </Alert>
      ) : null}
    </form>
  );
}
