import { cn } from "@/lib/cn";
import type { HTMLAttributes } from "react";

export type Tone = "neutral" | "brand" | "warn" | "danger" | "ok";

const tones: Record<Tone, string> = {
  neutral: "bg-bg text-ink border-line",
  brand: "bg-brand-soft text-brand-strong border-brand-soft",
  warn: "bg-warn-soft text-warn border-warn-soft",
  danger: "bg-danger-soft text-danger border-danger-soft",
  ok: "bg-ok-soft text-ok border-ok-soft",
};

export function Badge({ tone = "neutral", className, ...props }: HTMLAttributes<HTMLSpanElement> & { tone?: Tone }) {
  return (
    <span
      className={cn("inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap", tones[tone], className)}
      {...props}
    />
  );
}
