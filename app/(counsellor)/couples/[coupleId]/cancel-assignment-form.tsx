"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { initialFormState, type FormState } from "@/lib/actions/form-state";

type FormAction = (prev: FormState, formData: FormData) => Promise<FormState>;

/**
 * Cancels an assignment after asking first, in the page rather than a browser dialog: the first
 * button shows the question with "Yes, cancel it" and "Keep it" beside it, scrolled into view (on
 * a phone too) and focused so a screen reader reads it. "Keep it" puts focus back where it was.
 */
export function CancelAssignmentForm({ action, title }: { action: FormAction; title: string }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const [asking, setAsking] = useState(false);
  const questionId = useId();
  const question = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (asking) {
      question.current?.scrollIntoView({ block: "nearest" });
      question.current?.focus({ preventScroll: true });
    } else if (returnFocus.current) {
      returnFocus.current = false;
      opener.current?.focus();
    }
  }, [asking]);

  if (!asking) {
    return (
      <div className="space-y-2">
        <Button ref={opener} size="sm" variant="ghost" onClick={() => setAsking(true)}>
          Cancel assignment
        </Button>
        {state.status === "error" && state.message ? <Alert tone="error">{state.message}</Alert> : null}
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-2">
      <div
        ref={question}
        tabIndex={-1}
        role="group"
        aria-labelledby={questionId}
        className="space-y-2 rounded-md border border-warn p-3 outline-none focus-visible:ring-2 focus-visible:ring-brand"
      >
        <p id={questionId} className="text-sm font-medium">
          Cancel “{title}”? The partners will no longer see it; the couple&apos;s history keeps a record.
        </p>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" size="sm" variant="danger" disabled={pending}>
            {pending ? "Cancelling…" : "Yes, cancel it"}
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
            Keep it
          </Button>
        </div>
      </div>
      {state.status === "error" && state.message ? <Alert tone="error">{state.message}</Alert> : null}
    </form>
  );
}
