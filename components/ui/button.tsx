import { clsx } from "clsx";
import { forwardRef, type ButtonHTMLAttributes } from "react";

// `clsx` joins classes without merging them: this primitive is in nearly every client form, and the
// merging library behind `cn` is 9 kB on a phone. No caller's className fights the classes here.

type Variant = "primary" | "secondary" | "ghost" | "danger";

const variants: Record<Variant, string> = {
  primary: "bg-brand text-white hover:bg-brand-strong disabled:bg-muted",
  secondary: "border border-line bg-surface text-ink hover:bg-bg",
  ghost: "text-brand hover:bg-brand-soft",
  danger: "bg-danger text-white hover:opacity-90",
};

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; size?: "sm" | "md" };

export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { className, variant = "primary", size = "md", type = "button", ...props },
  ref,
) {
  return (
    <button
      ref={ref}
      type={type}
      className={clsx(
        "inline-flex items-center justify-center gap-2 rounded-md font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-70",
        size === "sm" ? "min-h-9 px-3 text-sm" : "min-h-11 px-4 text-base",
        variants[variant],
        className,
      )}
      {...props}
    />
  );
});
