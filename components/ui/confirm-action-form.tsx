"use client";

import { useActionState, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, type ButtonProps } from "@/components/ui/button";
import { initialFormState, type FormState } from "@/lib/actions/form-state";

type FormAction = (prev: FormState, formData: FormData) => Promise<FormState>;

/**
 * An action that asks first, in the page rather than a browser dialog (which a phone may show
 * off-screen and a screen reader may not announce): the first button shows the question with a
 * confirm and a "keep" button beside it, scrolled into view and focused so it is read out. "Keep"
 * puts focus back on the first button. A failure is said beside the buttons; a success message,
 * when the action returns one, replaces the question.
 */
export function ConfirmActionForm({
  action,
  openLabel,
  question,
  confirmLabel,
  pendingLabel,
  keepLabel,
  openVariant = "ghost",
  confirmVariant = "danger",
  children,
}: {
  action: FormAction;
  openLabel: string;
  question: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  keepLabel: string;
  openVariant?: ButtonProps["variant"];
  confirmVariant?: ButtonProps["variant"];
  /** Hidden fields the action needs. */
  children?: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const [asking, setAsking] = useState(false);
  const questionId = useId();
  const questionBox = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (asking) {
      questionBox.current?.scrollIntoView({ block: "nearest" });
      questionBox.current?.focus({ preventScroll: true });
    } else if (returnFocus.current) {
      returnFocus.current = false;
      opener.current?.focus();
    }
  }, [asking]);

  // A finished action closes the question; its outcome is said where the opener is.
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    if (state.status === "ok") setAsking(false);
  }

  const outcome = state.message ? (
    <Alert tone={state.status === "ok" ? "success" : "error"}>{state.message}</Alert>
  ) : null;

  if (!asking) {
    return (
      <div className="space-y-2">
        <Button ref={opener} size="sm" variant={openVariant} onClick={() => setAsking(true)}>
          {openLabel}
        </Button>
        {outcome}
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-2">
      {children}
      <div
        ref={questionBox}
        tabIndex={-1}
        role="group"
        aria-labelledby={questionId}
        className="space-y-2 rounded-md border border-warn p-3 outline-none focus-visible:ring-2 focus-visible:ring-brand"
      >
        <p id={questionId} className="text-sm font-medium">
          {question}
        </p>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" size="sm" variant={confirmVariant} disabled={pending}>
            {pending ? pendingLabel : confirmLabel}
          </Button>
          <Button
            size="sm"
            variant="secondary"
            disabled={pending}
            onClick={() => {
              returnFocus.current = true;
              setAsking(false);
            }}
          >
            {keepLabel}
          </Button>
        </div>
      </div>
      {state.status === "error" && state.message ? <Alert tone="error">{state.message}</Alert> : null}
    </form>
  );
}
