import { InputError, isInputError } from "@/lib/actions/errors";

/** A refusal as tests read it: the error, its message, and the first field it names (if any). */
export type Refusal = InputError & { field: string | undefined };

/**
 * Runs `work` (a call, or a function that parses then calls) and returns the {@link InputError}
 * it was refused with; any other outcome fails the test.
 */
export async function refusal(work: Promise<unknown> | (() => unknown)): Promise<Refusal> {
  try {
    await (typeof work === "function" ? work() : work);
  } catch (error) {
    if (isInputError(error)) return Object.assign(error, { field: Object.keys(error.fieldErrors)[0] });
    throw error;
  }
  throw new Error("expected a refusal, but the call succeeded");
}
