import "server-only";
import { and, asc, desc, eq, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { db } from "@/db/ready";
import { measureVersions, type MeasureSource } from "@/db/schema";
import { InputError } from "@/lib/actions/errors";
import { measureDefinitionSchema, reliableChangeThreshold, scoreRange, type MeasureDefinition } from "@/lib/measures/definition";
import { importQuestionnaire } from "@/lib/measures/fhir";
import { MEND_MEASURES } from "@/lib/measures/mend-measures";
import { recordAudit } from "./audit";
import { requireRole } from "./viewer";

/**
 * The measures a clinic can use: Mend's own (no clinic, shared by all) and the instruments the
 * clinic imported. Every version is kept; a schedule names a measure by key and each answer is
 * given under the latest version of that key at the time.
 */

/** A stored definition, read back through the schema it was written with (jsonb keeps no types). */
export function readDefinition(stored: unknown): MeasureDefinition {
  return measureDefinitionSchema.parse(stored);
}

/** The measures a clinic can see, as a WHERE clause on `measure_versions`: Mend's own and its own imports. */
export function measureScope(clinicId: string) {
  return or(isNull(measureVersions.clinicId), eq(measureVersions.clinicId, clinicId))!;
}

export type StoredMeasureVersion = { id: string; clinicId: string | null; version: number; definition: MeasureDefinition };

/** The latest version of `key` the clinic can use, or null when it has no such measure. */
export async function latestMeasureVersion(executor: Executor, clinicId: string, key: string): Promise<StoredMeasureVersion | null> {
  const [row] = await executor
    .select({ id: measureVersions.id, clinicId: measureVersions.clinicId, version: measureVersions.version, definition: measureVersions.definition })
    .from(measureVersions)
    .where(and(eq(measureVersions.key, key), measureScope(clinicId)))
    .orderBy(desc(measureVersions.version))
    .limit(1);
  return row ? { ...row, definition: readDefinition(row.definition) } : null;
}

/** What a score of a measure means: the facts charts and figures need, from one version. */
export type MeasureJudgement = {
  direction: MeasureDefinition["direction"];
  range: { min: number; max: number };
  cutOff: number | null;
  /** The smallest change that counts as reliable; null for a measure that claims none. */
  reliableChangeThreshold: number | null;
};

export function judgementOf(m: MeasureDefinition): MeasureJudgement {
  return {
    direction: m.direction,
    range: scoreRange(m),
    cutOff: m.cutOff ?? null,
    reliableChangeThreshold: m.reliableChange ? reliableChangeThreshold(m.reliableChange) : null,
  };
}

export type ClinicMeasure = MeasureJudgement & {
  /** The latest version's id. */
  id: string;
  key: string;
  title: string;
  version: number;
  /** How many versions are stored (answers keep the version they were given under). */
  versions: number;
  source: MeasureSource;
  validated: boolean;
  items: number;
  /** When the latest version was stored. */
  storedAt: Date;
};

/**
 * Mend's measures and the clinic's imported ones, the latest version of each with how many
 * versions there are: Mend's first, then by title. For the clinic admin and the clinic's
 * counsellors (who choose from it when scheduling); the wording stays out of the list.
 */
export async function listClinicMeasures(): Promise<ClinicMeasure[]> {
  const viewer = await requireRole("clinic_admin", "counsellor");
  const database = await db();
  const rows = await database
    .selectDistinctOn([measureVersions.clinicId, measureVersions.key], {
      id: measureVersions.id,
      key: measureVersions.key,
      title: measureVersions.title,
      version: measureVersions.version,
      versions: sql<number>`count(*) over (partition by ${measureVersions.clinicId}, ${measureVersions.key})`.mapWith(Number),
      source: measureVersions.source,
      validated: measureVersions.validated,
      definition: measureVersions.definition,
      storedAt: measureVersions.createdAt,
    })
    .from(measureVersions)
    .where(measureScope(viewer.clinicId))
    .orderBy(asc(measureVersions.clinicId), asc(measureVersions.key), desc(measureVersions.version));
  return rows
    .map(({ definition, ...row }) => {
      const m = readDefinition(definition);
      return { ...row, items: m.items.length, ...judgementOf(m) };
    })
    .sort((a, b) => (a.source === b.source ? a.title.localeCompare(b.title) || a.key.localeCompare(b.key) : a.source === "mend" ? -1 : 1));
}

/** A JSON text of `value` with object keys sorted, so two definitions compare by content (jsonb reorders keys). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The same measure apart from its version number. */
function sameDefinition(a: MeasureDefinition, b: MeasureDefinition): boolean {
  return canonical({ ...a, version: 0 }) === canonical({ ...b, version: 0 });
}

export type ImportMeasureResult = {
  /** "unchanged": the latest stored version says exactly this already; nothing was written. */
  status: "imported" | "unchanged";
  id: string;
  key: string;
  title: string;
  version: number;
};

/**
 * Imports an instrument from the text of a FHIR R4 Questionnaire file into the admin's clinic.
 * A file with problems is refused with the whole list beside `file` and writes nothing. A key
 * the clinic already has gets a new version when the definition changed, and nothing when it is
 * identical to the latest version. Mend's own measures' keys are reserved. Versions of one key
 * are numbered under a lock, so two imports at once cannot both take the same number.
 * Audited as "measure.import" (key, version, item count, validated: no wording).
 *
 * @throws InputError on `file` with every problem found, or for a reserved key.
 */
export async function importMeasure(text: string): Promise<ImportMeasureResult> {
  const viewer = await requireRole("clinic_admin");
  const result = importQuestionnaire(text);
  if (!result.ok) {
    const count = result.errors.length;
    throw new InputError(`The file was not imported: ${count === 1 ? "one problem needs" : `${count} problems need`} fixing. Nothing was saved.`, {
      file: result.errors,
    });
  }
  const imported = result.definition;
  if (MEND_MEASURES.some((m) => m.key === imported.key)) {
    throw new InputError(`"${imported.key}" is the name of one of Mend's own measures. Give the Questionnaire another name and import it again.`, "file");
  }
  const database = await db();
  return database.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`measure:${viewer.clinicId}:${imported.key}`}))`);
    const [latest] = await tx
      .select({ id: measureVersions.id, version: measureVersions.version, definition: measureVersions.definition })
      .from(measureVersions)
      .where(and(eq(measureVersions.clinicId, viewer.clinicId), eq(measureVersions.key, imported.key)))
      .orderBy(desc(measureVersions.version))
      .limit(1);
    if (latest && sameDefinition(readDefinition(latest.definition), imported)) {
      return { status: "unchanged", id: latest.id, key: imported.key, title: imported.title, version: latest.version };
    }
    const definition: MeasureDefinition = { ...imported, version: (latest?.version ?? 0) + 1 };
    const [created] = await tx
      .insert(measureVersions)
      .values({
        clinicId: viewer.clinicId,
        key: definition.key,
        version: definition.version,
        title: definition.title,
        definition,
        validated: definition.validated,
        source: "imported",
        importedBy: viewer.id,
      })
      .returning({ id: measureVersions.id });
    await recordAudit(tx, {
      clinicId: viewer.clinicId,
      actorId: viewer.id,
      action: "measure.import",
      entityId: created!.id,
      metadata: { key: definition.key, version: definition.version, items: definition.items.length, validated: definition.validated },
    });
    return { status: "imported", id: created!.id, key: definition.key, title: definition.title, version: definition.version };
  });
}
