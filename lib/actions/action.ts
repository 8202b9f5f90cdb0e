import "server-only";
import { randomBytes } from "node:crypto";
import { revalidatePath } from "next/cache";
import { notFound, redirect, unstable_rethrow } from "next/navigation";
import { InputError, isInputError } from "./errors";
import { firstZodMessage, zodFieldErrors } from "./field-errors";
import { formDataToObject, formValues } from "./form-data";
import type { FieldErrors, FormState } from "./form-state";
import type { z } from "zod";

/** What a person reads when something failed that they cannot fix; the details go to the server log. */
export const SOMETHING_WENT_WRONG = "Something went wrong on our side and nothing was saved. Please try again in a moment.";

/**
 * Parses `input` with `schema`, or throws an {@link InputError} with every issue beside its field.
 * The one parse of a mutation's input: the action wrapper calls it, and the data layer takes its
 * typed output.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new InputError(firstZodMessage(result.error), zodFieldErrors(result.error));
  return result.data;
}

/** A page to refresh after a successful write; `layout` also refreshes every page below it. */
export type Revalidation = string | { path: string; type: "layout" | "page" };

/** What a handler returns when its write went through. */
export type ActionResult<D = never> = {
  /** The calm confirmation shown in the form. */
  message?: string;
  /** A typed payload for the form (links to copy, help to show). */
  data?: D;
  /** Hand the sent fields back, for forms that keep showing what was saved (a check-in). */
  keepValues?: boolean;
  /**
   * "error" for a request that changed nothing because the page was stale (a step already marked
   * done): the message shows as a refusal, and the pages still refresh to show the current state.
   */
  status?: "ok" | "error";
  /** Go here after revalidating, instead of answering the form. */
  redirectTo?: string;
};

type ArgSchemas = readonly z.ZodType[];
type ArgInputs<A extends ArgSchemas> = { [K in keyof A]: z.input<A[K]> };
type ArgOutputs<A extends ArgSchemas> = { [K in keyof A]: z.output<A[K]> };

/** What a handler receives: the parsed form, the parsed bound arguments, and the raw form for the rare field list known only later. */
export type ActionContext<S extends z.ZodType, A extends ArgSchemas> = { input: z.output<S>; args: ArgOutputs<A>; formData: FormData };

export type FormActionConfig<S extends z.ZodType, A extends ArgSchemas, D> = {
  /** Names the action in the server log. */
  name: string;
  /** The form's schema from lib/validations; a function when it depends on the day (a due date not in the past). */
  schema: S | (() => S | Promise<S>);
  /** Schemas of the arguments bound by the page (`action.bind(null, coupleId)`): one that does not parse is "not found". */
  args?: A;
  /** The object the schema reads, when the form's names are not plain or dotted fields. */
  input?: (formData: FormData) => unknown;
  /** The form-wide message shown beside field errors, if the form wants one. */
  invalidMessage?: string | ((values: Record<string, string>) => string | undefined);
  /** Replaces {@link SOMETHING_WENT_WRONG} where "nothing was saved" would read wrong (signing in). */
  unexpectedMessage?: string;
  /** Pages to refresh after a successful write. */
  revalidate?: Revalidation[] | ((ctx: ActionContext<S, A>) => Revalidation[] | Promise<Revalidation[]>);
  /** Calls the data layer. Throws {@link InputError} for a refusal the person can fix. */
  handler: (ctx: ActionContext<S, A>) => Promise<ActionResult<D> | void>;
};

function errorId(): string {
  return randomBytes(4).toString("hex");
}

function parseArgs<A extends ArgSchemas>(schemas: A | undefined, raw: unknown[]): ArgOutputs<A> {
  return (schemas ?? []).map((schema, i) => {
    const result = schema.safeParse(raw[i]);
    // Bound arguments come from the page, not from a field: a forged one reads as a missing record.
    if (!result.success) notFound();
    return result.data;
  }) as ArgOutputs<A>;
}

/**
 * Refreshes the pages after a write that went through. A failure here is logged, not reported:
 * the write is saved, and saying "nothing was saved" would be untrue.
 */
async function refresh(name: string, revalidations: () => Revalidation[] | Promise<Revalidation[]>): Promise<void> {
  try {
    for (const r of await revalidations()) {
      if (typeof r === "string") revalidatePath(r);
      else revalidatePath(r.path, r.type);
    }
  } catch (error) {
    unstable_rethrow(error);
    console.error(`[mend] action ${name} saved, but refreshing its pages failed ${errorId()}`, error);
  }
}

function refusedState<D>(error: InputError, values: Record<string, string>, invalidMessage: FormActionConfig<z.ZodType, ArgSchemas, D>["invalidMessage"]): FormState<D> {
  const { "": formWide, ...fields } = error.fieldErrors;
  const fieldErrors: FieldErrors = fields;
  const hasFields = Object.keys(fieldErrors).length > 0;
  // A message already shown beside its field is not repeated above the form.
  const besideAField = Object.values(fieldErrors).some((messages) => messages.includes(error.message));
  const summary = typeof invalidMessage === "function" ? invalidMessage(values) : invalidMessage;
  const message = formWide?.join(" ") || (besideAField ? summary : error.message) || undefined;
  return {
    status: "error",
    ...(message ? { message } : {}),
    ...(hasFields ? { fieldErrors } : {}),
    values,
    savedAt: Date.now(),
  };
}

/**
 * The one way a form's server action is written. It parses the form once with the shared schema
 * (and the page's bound arguments), calls the handler, refreshes the given pages on success, and
 * answers `useActionState` with a {@link FormState}:
 * - a refusal ({@link InputError}, or a form that does not parse) → messages beside the fields,
 *   with everything typed kept;
 * - Next's redirect and not-found → passed through untouched;
 * - anything else → logged with a short id, and the calm "nothing was saved" message.
 *
 * Use it as `export const xAction = formAction({ … })` in a "use server" file.
 */
export function formAction<S extends z.ZodType, const A extends ArgSchemas = [], D = never>(
  config: FormActionConfig<S, A, D>,
): (...params: [...ArgInputs<A>, FormState<D>, FormData]) => Promise<FormState<D>> {
  const argCount = config.args?.length ?? 0;
  return async (...params) => {
    const formData = params[argCount + 1] as FormData;
    const args = parseArgs(config.args, params.slice(0, argCount));
    const values = formValues(formData);
    let outcome: ActionResult<D> | void;
    let ctx!: ActionContext<S, A>;
    try {
      const schema = typeof config.schema === "function" && !("safeParse" in config.schema) ? await config.schema() : (config.schema as S);
      const input = parseInput(schema, config.input ? config.input(formData) : formDataToObject(formData));
      ctx = { input, args, formData };
      outcome = await config.handler(ctx);
    } catch (error) {
      unstable_rethrow(error);
      if (isInputError(error)) return refusedState<D>(error, values, config.invalidMessage);
      const id = errorId();
      console.error(`[mend] action ${config.name} failed ${id}`, error);
      return { status: "error", message: config.unexpectedMessage ?? SOMETHING_WENT_WRONG, values, savedAt: Date.now() };
    }
    await refresh(config.name, () => (typeof config.revalidate === "function" ? config.revalidate(ctx) : (config.revalidate ?? [])));
    const result = outcome ?? {};
    if (result.redirectTo) redirect(result.redirectTo);
    return {
      status: result.status ?? "ok",
      ...(result.message ? { message: result.message } : {}),
      ...(result.keepValues ? { values } : {}),
      ...(result.data !== undefined ? { data: result.data } : {}),
      savedAt: Date.now(),
    };
  };
}

export type PlainActionConfig<A extends ArgSchemas> = {
  /** Names the action in the server log. */
  name: string;
  /** Schemas of the arguments bound by the page; one that does not parse is "not found". */
  args?: A;
  revalidate?: Revalidation[] | ((args: ArgOutputs<A>) => Revalidation[]);
  handler: (args: ArgOutputs<A>) => Promise<void>;
};

/**
 * For the rare action with no form to answer (signing out from the menu): the same bound-argument
 * parsing, pass-through of redirects and logging with an id; an unexpected error then reaches the
 * error page. Anything with a form uses {@link formAction}, so a failure shows in the form.
 */
export function plainAction<const A extends ArgSchemas = []>(config: PlainActionConfig<A>): (...params: [...ArgInputs<A>, FormData?]) => Promise<void> {
  const argCount = config.args?.length ?? 0;
  return async (...params) => {
    const args = parseArgs(config.args, params.slice(0, argCount));
    try {
      await config.handler(args);
    } catch (error) {
      unstable_rethrow(error);
      console.error(`[mend] action ${config.name} failed ${errorId()}`, error);
      throw error;
    }
    await refresh(config.name, () => (typeof config.revalidate === "function" ? config.revalidate(args) : (config.revalidate ?? [])));
  };
}
