"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { sessionDeadlineAction, staySignedInAction } from "@/app/(auth)/session/actions";
import { initialFormState } from "@/lib/actions/form-state";

type Props = {
  /** When the session ends without activity, from the server, as an ISO time. */
  endsAt: string;
  /** How long before the end the warning shows. */
  warnMs: number;
};

/** How often to ask again once the deadline has passed on this device's clock. */
const RECHECK_MS = 15_000;

function formatLeft(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes}:${String(seconds % 60).padStart(2, "0")}` : `${seconds} seconds`;
}

/**
 * Warns staff a couple of minutes before the idle sign-out, with "Stay signed in". Before showing
 * itself it asks the server for the current deadline (asking is not activity), so work in another
 * tab moves the warning on instead of interrupting. Only the button counts as activity.
 */
export function IdleWarning({ endsAt, warnMs }: Props) {
  const [deadline, setDeadline] = useState(() => Date.parse(endsAt));
  const [showing, setShowing] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const button = useRef<HTMLButtonElement>(null);
  // Where focus was when the warning took it, to hand it back after "Stay signed in".
  const returnFocus = useRef<HTMLElement | null>(null);

  const router = useRouter();
  const signedOut = useCallback(() => {
    // The sign-in page then says why, so nobody wonders what they did wrong.
    router.replace(`/login?signedOut=idle&callbackUrl=${encodeURIComponent(window.location.pathname + window.location.search)}`);
  }, [router]);

  const refresh = useCallback(async () => {
    const result = await sessionDeadlineAction(initialFormState, new FormData());
    const next = result.data?.endsAt;
    if (result.status === "ok" && next === null) return signedOut();
    if (!next) return;
    const at = Date.parse(next);
    setDeadline(at);
    setShowing(at - Date.now() <= warnMs);
  }, [signedOut, warnMs]);

  useEffect(() => {
    const untilWarning = deadline - warnMs - Date.now();
    const timer = window.setTimeout(() => void refresh(), Math.max(0, untilWarning));
    return () => window.clearTimeout(timer);
  }, [deadline, warnMs, refresh]);

  useEffect(() => {
    if (!showing) return;
    if (document.activeElement instanceof HTMLElement && document.activeElement !== document.body) returnFocus.current = document.activeElement;
    button.current?.focus();
    let checkedAt = 0;
    const tick = window.setInterval(() => {
      setNow(Date.now());
      // Past the deadline, ask the server (which decides) every so often: a clock running fast
      // reaches it before the server does, and the question has to be asked again until it has.
      if (Date.now() >= deadline && Date.now() - checkedAt >= RECHECK_MS) {
        checkedAt = Date.now();
        void refresh();
      }
    }, 1000);
    return () => window.clearInterval(tick);
  }, [showing, deadline, refresh]);

  const stay = async () => {
    const result = await staySignedInAction(initialFormState, new FormData());
    const next = result.data?.endsAt;
    if (!next) return signedOut();
    setDeadline(Date.parse(next));
    setShowing(false);
    returnFocus.current?.focus();
    returnFocus.current = null;
  };

  if (!showing) return null;
  const left = deadline - now;
  return (
    <div
      role="alertdialog"
      aria-labelledby="idle-warning-title"
      aria-describedby="idle-warning-text"
      className="fixed inset-x-0 bottom-0 z-50 border-t-2 border-brand bg-surface px-4 py-4 shadow-lg"
    >
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4">
        <div className="flex-1">
          <p id="idle-warning-title" className="font-semibold">
            You&apos;ll be signed out soon
          </p>
          <p id="idle-warning-text" className="text-sm text-muted">
            For the privacy of your clients, Mend signs you out after a while without activity. Time left:{" "}
            <span aria-live="off">{formatLeft(left)}</span>.
          </p>
        </div>
        <button
            ref={button}
            type="button"
            onClick={() => void stay()}
            className="rounded-md bg-brand px-4 py-2 font-medium text-white focus-visible:outline-2 focus-visible:outline-offset-2"
          >
            Stay signed in
          </button>
      </div>
    </div>
  );
}
