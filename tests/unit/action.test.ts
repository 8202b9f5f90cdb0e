import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

// Next's navigation errors, as the framework marks them: a digest the wrapper must pass through.
vi.mock("next/navigation", () => {
  class NavigationError extends Error {
    constructor(readonly digest: string) {
      super(digest);
    }
  }
  return {
    redirect: (url: string) => {
      throw new NavigationError(`NEXT_REDIRECT;replace;${url};307;`);
    },
    notFound: () => {
      throw new NavigationError("NEXT_HTTP_ERROR_FALLBACK;404");
    },
    unstable_rethrow: (error: unknown) => {
      if (error instanceof NavigationError) throw error;
    },
  };
});
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { revalidatePath } = await import("next/cache");
const { notFound, redirect } = await import("next/navigation");
const { InputError } = await import("@/lib/actions/errors");
const { formAction, parseInput, plainAction, SOMETHING_WENT_WRONG } = await import("@/lib/actions/action");
const { formDataToObject } = await import("@/lib/actions/form-data");
const { initialFormState } = await import("@/lib/actions/form-state");

const schema = z.object({
  title: z.string().trim().min(1, "Please write a title."),
  count: z.coerce.number().int().max(7, "Seven at most."),
});

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

const COUPLE = "0b6c8a3e-2f4d-4c1a-9e7b-5d3f2a1c0e9d";
let errorLog: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  vi.mocked(revalidatePath).mockClear();
  errorLog = vi.spyOn(console, "error").mockImplementation(() => undefined);
});
afterEach(() => errorLog.mockRestore());

describe("formAction", () => {
  it("parses the form once and hands the typed input and bound arguments to the handler", async () => {
    const handler = vi.fn<(ctx: unknown) => Promise<{ message: string }>>(async () => ({ message: "Saved." }));
    const action = formAction({ name: "test", schema, args: [z.uuid()], handler, revalidate: ({ args: [id] }) => [`/couples/${id}`, { path: "/exercises", type: "layout" }] });
    const state = await action(COUPLE, initialFormState, form({ title: "  A call ", count: "3" }));
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler.mock.calls[0]![0]).toMatchObject({ input: { title: "A call", count: 3 }, args: [COUPLE] });
    expect(state).toMatchObject({ status: "ok", message: "Saved." });
    expect(state.values).toBeUndefined();
    expect(state.savedAt).toEqual(expect.any(Number));
    expect(revalidatePath).toHaveBeenCalledWith(`/couples/${COUPLE}`);
    expect(revalidatePath).toHaveBeenCalledWith("/exercises", "layout");
  });

  it("answers a form that does not parse with messages beside its fields, keeping what was typed, and writes nothing", async () => {
    const handler = vi.fn(async () => undefined);
    const action = formAction({ name: "test", schema, handler, revalidate: ["/today"], invalidMessage: "Please check the highlighted fields." });
    const state = await action(initialFormState, form({ title: " ", count: "9" }));
    expect(handler).not.toHaveBeenCalled();
    expect(state).toMatchObject({
      status: "error",
      message: "Please check the highlighted fields.",
      fieldErrors: { title: ["Please write a title."], count: ["Seven at most."] },
      values: { title: " ", count: "9" },
    });
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("never hands a password back, even when the form is refused", async () => {
    const action = formAction({ name: "test", schema: z.object({ email: z.string(), password: z.string().min(10, "Too short.") }), handler: async () => undefined });
    const state = await action(initialFormState, form({ email: "a@example.com", password: "short" }));
    expect(state.fieldErrors).toEqual({ password: ["Too short."] });
    expect(state.values).toEqual({ email: "a@example.com" });
  });

  it("shows a data-layer refusal beside its field, or for the whole form when it names none", async () => {
    const field = formAction({
      name: "test",
      schema,
      handler: async () => {
        throw new InputError("You can only check in for today.", "date");
      },
    });
    const refused = await field(initialFormState, form({ title: "x", count: "1" }));
    expect(refused).toMatchObject({ status: "error", fieldErrors: { date: ["You can only check in for today."] }, values: { title: "x", count: "1" } });
    expect(refused.message).toBeUndefined();

    const whole = formAction({
      name: "test",
      schema,
      handler: async () => {
        throw new InputError("This promise has already been settled.");
      },
    });
    expect(await whole(initialFormState, form({ title: "x", count: "1" }))).toMatchObject({ status: "error", message: "This promise has already been settled." });

    const summary = formAction({
      name: "test",
      schema,
      handler: async () => {
        throw new InputError("This counsellor still supports couples.", { "couple:1": ["Choose who will support this couple."] });
      },
    });
    expect(await summary(initialFormState, form({ title: "x", count: "1" }))).toMatchObject({
      message: "This counsellor still supports couples.",
      fieldErrors: { "couple:1": ["Choose who will support this couple."] },
    });
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("logs anything unexpected with an id and shows the calm message, keeping what was typed", async () => {
    const action = formAction({
      name: "save-note",
      schema,
      revalidate: ["/today"],
      handler: async () => {
        throw new Error("connection reset");
      },
    });
    const state = await action(initialFormState, form({ title: "x", count: "1" }));
    expect(state).toMatchObject({ status: "error", message: SOMETHING_WENT_WRONG, values: { title: "x", count: "1" } });
    expect(JSON.stringify(state)).not.toContain("connection reset");
    expect(errorLog).toHaveBeenCalledTimes(1);
    const [label, logged] = errorLog.mock.calls[0]!;
    expect(label).toMatch(/^\[mend\] action save-note failed [0-9a-f]{8}$/);
    expect((logged as Error).message).toBe("connection reset");
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("lets Next's redirect and not-found through, without refreshing anything", async () => {
    const redirecting = formAction({ name: "test", schema, revalidate: ["/today"], handler: async () => redirect("/login") });
    await expect(redirecting(initialFormState, form({ title: "x", count: "1" }))).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT/) });
    const missing = formAction({ name: "test", schema, revalidate: ["/today"], handler: async () => notFound() });
    await expect(missing(initialFormState, form({ title: "x", count: "1" }))).rejects.toMatchObject({ digest: expect.stringMatching(/404/) });
    expect(revalidatePath).not.toHaveBeenCalled();
    expect(errorLog).not.toHaveBeenCalled();
  });

  it("treats a bound argument that does not parse as not found, before calling the handler", async () => {
    const handler = vi.fn(async () => undefined);
    const action = formAction({ name: "test", schema, args: [z.uuid()], handler });
    await expect(action("1; drop table couples", initialFormState, form({ title: "x", count: "1" }))).rejects.toMatchObject({ digest: expect.stringMatching(/404/) });
    expect(handler).not.toHaveBeenCalled();
  });

  it("refreshes the pages, then redirects, when the handler asks to go elsewhere", async () => {
    const action = formAction({ name: "test", schema, revalidate: [{ path: "/clinic", type: "layout" }], handler: async () => ({ redirectTo: "/clinic/counsellors" }) });
    await expect(action(initialFormState, form({ title: "x", count: "1" }))).rejects.toMatchObject({ digest: expect.stringContaining("/clinic/counsellors") });
    expect(revalidatePath).toHaveBeenCalledWith("/clinic", "layout");
  });

  it("returns typed data, kept values and a refusal status when the handler says so", async () => {
    const action = formAction({
      name: "test",
      schema,
      handler: async ({ input }) => ({ data: { doubled: input.count * 2 }, keepValues: true, status: "error" as const, message: "Already done." }),
    });
    const state = await action(initialFormState, form({ title: "x", count: "2" }));
    expect(state).toMatchObject({ status: "error", message: "Already done.", data: { doubled: 4 }, values: { title: "x", count: "2" } });
  });

  it("gives each result a new savedAt, so a form keyed on it remounts", async () => {
    const action = formAction({ name: "test", schema, handler: async () => undefined });
    const first = await action(initialFormState, form({ title: "x", count: "1" }));
    await new Promise((r) => setTimeout(r, 2));
    const second = await action(first, form({ title: "", count: "1" }));
    expect(second.savedAt).toBeGreaterThan(first.savedAt!);
  });
});

describe("plainAction", () => {
  it("parses bound arguments, logs and rethrows the unexpected, and lets a redirect through", async () => {
    const ok = plainAction({ name: "test", args: [z.uuid()], revalidate: (args) => [`/couples/${args[0]}`], handler: async () => undefined });
    await ok(COUPLE);
    expect(revalidatePath).toHaveBeenCalledWith(`/couples/${COUPLE}`);
    await expect(ok("nope")).rejects.toMatchObject({ digest: expect.stringMatching(/404/) });
    const failing = plainAction({
      name: "sign-out",
      handler: async () => {
        throw new Error("down");
      },
    });
    await expect(failing()).rejects.toThrow("down");
    expect(errorLog.mock.calls[0]![0]).toMatch(/^\[mend\] action sign-out failed [0-9a-f]{8}$/);
    const redirecting = plainAction({ name: "test", handler: async () => redirect("/login") });
    await expect(redirecting()).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT/) });
  });
});

describe("parseInput and formDataToObject", () => {
  it("nests dotted names into list rows and ignores names that could reach the prototype", () => {
    const data = form({ name: "Alex & Sam", "partners.0.email": "a@example.com", "partners.1.email": "b@example.com", "__proto__.polluted": "yes", "rows.99999.x": "y" });
    data.set("$ACTION_ID_abc", "");
    expect(formDataToObject(data)).toEqual({ name: "Alex & Sam", partners: [{ email: "a@example.com" }, { email: "b@example.com" }] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("throws one input error with every issue beside its field", () => {
    let caught: unknown;
    try {
      parseInput(schema, { title: "", count: "8" });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as InstanceType<typeof InputError>).fieldErrors).toEqual({ title: ["Please write a title."], count: ["Seven at most."] });
    expect(parseInput(schema, { title: " ok ", count: "2" })).toEqual({ title: "ok", count: 2 });
  });
});
