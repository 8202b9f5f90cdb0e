"use client";

import { useActionState, useEffect, useRef } from "react";
import { ChoiceGroup } from "@/components/exercise-form/choice-group";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormResult } from "@/components/ui/form-result";
import { initialFormState, type FormState } from "@/lib/actions/form-state";

/** One question as the partner sees it: wording and the answers to choose from, nothing about scoring. */
export type MeasureFormItem = { id: string; text: string; options: { value: number; label: string }[] };

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  occasionOn: string;
  items: MeasureFormItem[];
};

/** The form field of an item's answer; the server reads every `answers.<item id>` back. */
const fieldOf = (itemId: string) => `answers.${itemId}`;

/**
 * A questionnaire on a phone: one radio group per question, one submit. Works as a plain form
 * post before (or without) JavaScript. On a refusal the chosen answers stay chosen and the
 * keyboard lands on the first question that needs an answer, where its message is read out.
 */
export function MeasureForm({ action, occasionOn, items }: Props) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const formRef = useRef<HTMLFormElement>(null);
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  const besideItems = items.some((item) => errors[fieldOf(item.id)]);
  useEffect(() => {
    if (!besideItems) return;
    const group = formRef.current?.querySelector<HTMLFieldSetElement>('fieldset[aria-invalid="true"]');
    const radio = group?.querySelector<HTMLInputElement>("input:checked") ?? group?.querySelector<HTMLInputElement>("input");
    radio?.focus();
    group?.scrollIntoView({ block: "center" });
    // Once per result: every submit hands back a new state object.
  }, [state, besideItems]);
  return (
    <form ref={formRef} action={formAction} className="space-y-6" noValidate key={state.savedAt ?? 0}>
      <input type="hidden" name="occasionOn" value={occasionOn} />
      {errors.answers ? <Alert tone="error">{errors.answers.join(" ")}</Alert> : null}
      {errors.occasionOn ? <Alert tone="error">{errors.occasionOn.join(" ")}</Alert> : null}
      {items.map((item, i) => (
        <ChoiceGroup
          key={item.id}
          legend={`${i + 1}. ${item.text}`}
          name={fieldOf(item.id)}
          required
          options={item.options.map((o) => ({ value: String(o.value), label: o.label }))}
          defaultValue={values[fieldOf(item.id)]}
          errors={errors[fieldOf(item.id)]}
        />
      ))}
      {besideItems ? (
        state.message ? (
          <Alert tone="error">{state.message}</Alert>
        ) : null
      ) : (
        <FormResult state={state} />
      )}
      <Button type="submit" className="w-full sm:w-auto" disabled={pending}>
        {pending ? "Sending…" : "Send my answers"}
      </Button>
    </form>
  );
}
