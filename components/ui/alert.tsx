import { cn } from "@/lib/cn";
import type { HTMLAttributes } from "react";

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
      className={cn("rounded-md border px-3 py-2 text-sm font-medium", tones[tone], className)}
      {...props}
    />
  );
}
