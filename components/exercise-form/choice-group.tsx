import { useId } from "react";

export type ChoiceOption = { value: string; label: string };

type Props = {
  legend: string;
  hint?: string;
  name: string;
  options: ChoiceOption[];
  defaultValue?: string;
  errors?: string[];
  required?: boolean;
  /** "scale" lays 0–10 out as a compact grid of number buttons; "list" stacks the options. */
  layout?: "scale" | "list";
  disabled?: boolean;
};

/**
 * A set of radio buttons in a fieldset, with the hint and error wired to the group. Large tap
 * targets (44 px) so it works with a thumb on a phone.
 */
export function ChoiceGroup({ legend, hint, name, options, defaultValue, errors, required, layout = "list", disabled }: Props) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset aria-describedby={describedBy} aria-invalid={errorId ? true : undefined} className="space-y-2" disabled={disabled}>
      <legend className="text-sm font-medium text-ink">
        {legend}
        {required ? null : <span className="font-normal text-muted"> (optional)</span>}
      </legend>
      {hint ? (
        <p id={hintId} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <div className={layout === "scale" ? "grid grid-cols-6 gap-2" : "grid gap-2"}>
        {options.map((option) => (
          <label
            key={option.value}
            // Each conflicting pair chosen here rather than merged by `cn`, which would bring its
            // 9 kB merging library to the check-in form on a phone.
            className={[
              "flex min-h-11 cursor-pointer items-center gap-2 rounded-md border bg-surface text-ink",
              "has-[:checked]:border-brand has-[:checked]:bg-brand-soft has-[:checked]:font-semibold has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-brand",
              layout === "scale" ? "justify-center px-0" : "px-3",
              errorId ? "border-danger" : "border-line",
            ].join(" ")}
          >
            <input
              type="radio"
              name={name}
              value={option.value}
              defaultChecked={defaultValue === option.value}
              className={layout === "scale" ? "sr-only" : "size-5 accent-brand"}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {errorId ? (
        <p id={errorId} className="text-sm font-medium text-danger">
          {errors!.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The 0–10 options of a rating. */
export function scaleOptions(min = 0, max = 10): ChoiceOption[] {
  return Array.from({ length: max - min + 1 }, (_, i) => ({ value: String(min + i), label: String(min + i) }));
}
