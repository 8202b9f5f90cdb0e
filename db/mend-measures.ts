import { measureVersions } from "./schema/measures";
import { MEND_MEASURES } from "../lib/measures/mend-measures";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
// Relative, like the schema, so scripts resolve it without the app's path aliases.

/**
 * Writes Mend's own measures (lib/measures/mend-measures.ts, the one source of their words) into
 * the database, shared by every clinic. Runs after every migration: a version already stored is
 * left as it is (measure versions never change), and a new version in the file is added, so a
 * database always holds every version answers may have been given under.
 */
export async function ensureMendMeasures(database: PgDatabase<PgQueryResultHKT, Record<string, unknown>>): Promise<void> {
  await database
    .insert(measureVersions)
    .values(
      MEND_MEASURES.map((m) => ({
        clinicId: null,
        key: m.key,
        version: m.version,
        title: m.title,
        definition: m,
        validated: m.validated,
        source: m.source,
      })),
    )
    .onConflictDoNothing({ target: [measureVersions.clinicId, measureVersions.key, measureVersions.version] });
}
