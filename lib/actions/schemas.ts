import { z } from "zod";

/** A record id bound by the page (`action.bind(null, coupleId)`); one that does not parse is "not found". */
export const idArg = z.uuid();

/** For a form whose only input is the button pressed and the ids bound by the page. */
export const noFields = z.object({});
