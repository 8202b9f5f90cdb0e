/**
 * The one error a data-layer function throws when the request is understood but refused for a
 * reason the person can fix (a date that isn't today, confirming your own promise, an email
 * already in use). The action wrapper turns it into a message beside the field, or for the whole
 * form when no field is named. Anything else thrown is unexpected: logged with an id, and the
 * person sees the calm "nothing was saved" message.
 *
 * Out-of-scope records are not an InputError: they are Next's `notFound()`, so a forged id
 * reads exactly like a missing one.
 */
export class InputError extends Error {
  readonly fieldErrors: Record<string, string[]>;

  constructor(message: string, field?: string | Record<string, string[]>) {
    super(message);
    this.name = "InputError";
    this.fieldErrors = typeof field === "string" ? { [field]: [message] } : (field ?? {});
  }

  /** The first message for `field`, if any. */
  messageFor(field: string): string | undefined {
    return this.fieldErrors[field]?.[0];
  }
}

/** True for an {@link InputError}, also across module copies (server bundles can duplicate classes). */
export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError || (error instanceof Error && error.name === "InputError" && "fieldErrors" in error);
}
