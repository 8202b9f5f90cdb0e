"use client";

import { useActionState } from "react";
import { ChoiceGroup, scaleOptions } from "@/components/exercise-form/choice-group";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { FormResult } from "@/components/ui/form-result";
import { initialFormState } from "@/lib/actions/form-state";
// Narrow imports: the program's index would bring every exercise kind and its zod schema to the phone.
import { CHECK_IN_NOTE_MAX, CONTACT_ANSWERS, CONTACT_ANSWER_LABELS, MOODS, MOOD_LABELS } from "@/lib/program/check-in";
import { VISIBILITIES, VISIBILITY_LABELS } from "@/lib/program/visibility";
import { saveCheckInAction } from "./actions";

type Values = Record<string, string>;

/**
 * `agreedContact` names the contact agreement in force today; without one the question offers
 * "we haven't agreed any contact yet", which the counsellor also sees as the daily default.
 */
export function CheckInForm({ today, initial, agreedContact }: { today: string; initial: Values | null; agreedContact: string | null }) {
  const [state, action, pending] = useActionState(saveCheckInAction, initialFormState);
  const values: Values = state.values ?? initial ?? {};
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-5" noValidate key={state.savedAt ?? 0}>
      {errors.date ? <Alert tone="error">{errors.date.join(" ")}</Alert> : null}
      <input type="hidden" name="date" value={today} />
      <ChoiceGroup
        legend="How much do I trust my partner today?"
        hint="0 is not at all, 10 is completely. An honest low number is useful."
        name="trust"
        layout="scale"
        required
        options={scaleOptions()}
        defaultValue={values.trust}
        errors={errors.trust}
      />
      <ChoiceGroup
        legend="How close do I feel to my partner today?"
        hint="0 is very distant, 10 is very close."
        name="closeness"
        layout="scale"
        required
        options={scaleOptions()}
        defaultValue={values.closeness}
        errors={errors.closeness}
      />
      <ChoiceGroup
        legend="My mood today"
        name="mood"
        required
        options={MOODS.map((m) => ({ value: m, label: MOOD_LABELS[m] }))}
        defaultValue={values.mood}
        errors={errors.mood}
      />
      <ChoiceGroup
        legend={agreedContact ? `Did we have the contact we agreed (${agreedContact})?` : "Did we have the contact we agreed today?"}
        hint={agreedContact ? undefined : "You have no contact agreement yet, so the program's default applies: a check-in every day."}
        name="contact"
        required
        options={CONTACT_ANSWERS.filter((c) => !agreedContact || c !== "none_agreed").map((c) => ({ value: c, label: CONTACT_ANSWER_LABELS[c] }))}
        defaultValue={values.contact}
        errors={errors.contact}
      />
      <TextAreaField
        label="Anything you want to add (optional)"
        hint={`A line or two about today, up to ${CHECK_IN_NOTE_MAX.toLocaleString("en-GB")} characters.`}
        name="note"
        defaultValue={values.note ?? ""}
        errors={errors.note}
      />
      <ChoiceGroup
        legend="Who can read my note?"
        hint="Your partner and your counsellor always see your scores, mood and contact answer; this only decides who reads the note."
        name="noteVisibility"
        required
        options={VISIBILITIES.map((v) => ({ value: v, label: VISIBILITY_LABELS[v] }))}
        defaultValue={values.noteVisibility || "shared"}
        errors={errors.noteVisibility}
      />
      <FormResult state={state} />
      <Button type="submit" className="w-full sm:w-auto" disabled={pending}>
        {pending ? "Saving…" : initial || state.status === "ok" ? "Update today's check-in" : "Save today's check-in"}
      </Button>
    </form>
  );
}
