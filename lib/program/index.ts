/**
 * The ten-step program as data: steps, exercise kinds, and the zod schema for every answer.
 * Import from `@/lib/program`.
 */
export * from "./exercise-kinds";
export * from "./steps";
