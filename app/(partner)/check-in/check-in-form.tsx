"use client";

import { useActionState } from "react";
import { ChoiceGroup, scaleOptions } from "@/components/exercise-form/choice-group";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { initialFormState } from "@/lib/actions/form-state";
import {
  CHECK_IN_NOTE_MAX,
  CONTACT_ANSWERS,
  CONTACT_ANSWER_LABELS,
  MOODS,
  MOOD_LABELS,
  VISIBILITIES,
  VISIBILITY_LABELS,
} from "@/lib/program";
import { saveCheckInAction } from "./actions";

type Values = Record<string, string>;

export function CheckInForm({ today, initial }: { today: string; initial: Values | null }) {
  const [state, action, pending] = useActionState(saveCheckInAction, initialFormState);
  const values: Values = state.values ?? initial ?? {};
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-5" noValidate key={state.savedAt ?? 0}>
      {state.message ? <Alert tone={state.status === "ok" ? "success" : "error"}>{state.message}</Alert> : null}
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
        legend="Did we have the contact we agreed today?"
        name="contact"
        required
        options={CONTACT_ANSWERS.map((c) => ({ value: c, label: CONTACT_ANSWER_LABELS[c] }))}
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
      <Button type="submit" className="w-full sm:w-auto" disabled={pending}>
        {pending ? "Saving…" : initial || state.status === "ok" ? "Update today's check-in" : "Save today's check-in"}
      </Button>
    </form>
  );
}
