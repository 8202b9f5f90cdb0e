"use server";

import { formAction } from "@/lib/actions/action";
import { partnerPages } from "@/lib/actions/pages";
import { idArg, noFields } from "@/lib/actions/schemas";
import { confirmPromise, makePromise, requestPromiseRelease, undoPromiseConfirmation } from "@/lib/dal/promises";
import { promiseConfirmSchema, promiseInputSchema } from "@/lib/validations/promises";

const PROMISE_PAGES = ["/promises", "/progress"];

/** Makes a promise; on success the form starts empty, and the promise shows in the list. */
export const makePromiseAction = formAction({
  name: "make-promise",
  schema: promiseInputSchema,
  revalidate: () => partnerPages(...PROMISE_PAGES),
  handler: async ({ input }) => {
    await makePromise(input);
    return { message: "Your promise is made. Your partner will mark it once it's due." };
  },
});

/** Marks the other partner's promise kept or not kept; bound to the promise id by the page. */
export const confirmPromiseAction = formAction({
  name: "confirm-promise",
  schema: promiseConfirmSchema,
  args: [idArg],
  revalidate: () => partnerPages(...PROMISE_PAGES),
  handler: async ({ input, args: [promiseId] }) => {
    await confirmPromise(promiseId, input.choice);
    return {
      message: `Marked as ${input.choice === "kept" ? "kept" : "not kept"}. If that was a slip, you can undo it for 10 minutes.`,
    };
  },
});

/** Takes back marking a promise kept or not kept, within minutes; bound to the promise id by the page. */
export const undoPromiseConfirmationAction = formAction({
  name: "undo-promise-confirmation",
  schema: noFields,
  args: [idArg],
  revalidate: () => partnerPages(...PROMISE_PAGES),
  handler: async ({ args: [promiseId] }) => {
    await undoPromiseConfirmation(promiseId);
    return { message: "Undone. The promise is open again." };
  },
});

/** Asks to let a promise go, or agrees to the other partner's request; bound to the promise id by the page. */
export const releasePromiseAction = formAction({
  name: "release-promise",
  schema: noFields,
  args: [idArg],
  revalidate: () => partnerPages(...PROMISE_PAGES),
  handler: async ({ args: [promiseId] }) => {
    const result = await requestPromiseRelease(promiseId);
    return { message: result === "released" ? "You've both agreed to let this promise go." : "Asked. It's let go once your partner agrees too." };
  },
});
