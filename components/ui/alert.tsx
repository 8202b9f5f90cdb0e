import { clsx } from "clsx";
import type { HTMLAttributes } from "react";

// `clsx` joins classes without merging them: this primitive is in nearly every client form, and the
// merging library behind `cn` is 9 kB on a phone. A caller's className must not fight them
// (SafetyHelp marks its weight important).

type Tone = "info" | "error" | "success" | "warn";

const tones: Record<Tone, string> = {
  info: "border-brand-soft bg-brand-soft text-brand-strong",
  error: "border-danger bg-danger-soft text-danger",
  success: "border-ok bg-ok-soft text-ok",
  warn: "border-warn bg-warn-soft text-warn",
};

/** A message box; errors are announced assertively, the rest politely. */
export function Alert({ tone = "info", className, ...props }: HTMLAttributes<HTMLDivElement> & { tone?: Tone }) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={clsx("rounded-md border px-3 py-2 text-sm font-medium", tones[tone], className)}
      {...props}
    />
  );
}
