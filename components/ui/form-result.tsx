"use client";

import { useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import type { FormState } from "@/lib/actions/form-state";

/**
 * A form's result message, placed beside its submit button. When a result arrives the message
 * takes focus and scrolls to the middle of the screen: on a phone the confirmation lands where the
 * thumb is (not at the top of a long form, out of sight), and a screen reader reads it out even
 * though the form remounted around it. Errors are announced assertively (role=alert), the rest
 * politely (role=status).
 */
export function FormResult({ state, message = state.message, className }: { state: FormState<unknown>; message?: string; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = ref.current;
    if (!message || !box) return;
    box.focus({ preventScroll: true });
    box.scrollIntoView({ block: "center" });
    // Runs once per result: every submit hands back a new state object.
  }, [state, message]);
  if (!message) return null;
  return (
    <div ref={ref} tabIndex={-1} className={className ?? "scroll-my-24 focus:outline-none"} data-form-result>
      <Alert tone={state.status === "ok" ? "success" : "error"} aria-live={state.status === "ok" ? "polite" : "assertive"}>
        {message}
      </Alert>
    </div>
  );
}
