/**
 * Measure history for one end-to-end fixture couple: the clinic imports the CSI-4 test fixture
 * (published scoring facts, placeholder wording), and both partners answered it on three
 * occasions two weeks apart, the last one yesterday, so the couple page has scores to chart and
 * export while nothing of it is due today. Scored with the same function the server uses.
 */
import { readFileSync } from "node:fs";
import { schema } from "../db";
import { plus } from "../db/seed/couple-history";
import { importQuestionnaire } from "../lib/measures/fhir";
import { scoreMeasure } from "../lib/metrics/measures";
import type { getRawDb } from "../db";
import type { ClinicRows } from "../db/seed/generator";

type Tx = Parameters<Parameters<ReturnType<typeof getRawDb>["transaction"]>[0]>[0];

/** Partner A climbs out of the clinical range (8, 13, 19); partner B falls into it (15, 15, 9). */
const ANSWERS = {
  A: [
    { q1: 2, q2: 2, q3: 2, q4: 2 },
    { q1: 4, q2: 3, q3: 3, q4: 3 },
    { q1: 4, q2: 5, q3: 5, q4: 5 },
  ],
  B: [
    { q1: 3, q2: 4, q3: 4, q4: 4 },
    { q1: 3, q2: 4, q3: 4, q4: 4 },
    { q1: 3, q2: 2, q3: 2, q4: 2 },
  ],
} as const;

export async function insertMeasureHistory(tx: Tx, rows: ClinicRows, coupleId: string, today: string, nextId: () => string): Promise<void> {
  const imported = importQuestionnaire(readFileSync("tests/fixtures/csi4-questionnaire.json", "utf8"));
  if (!imported.ok) throw new Error(`the CSI-4 fixture does not import: ${imported.errors.join("; ")}`);
  const definition = { ...imported.definition, version: 1 };
  const clinicId = rows.clinic.id!;
  const admin = rows.users.find((u) => u.role === "clinic_admin")!;
  const couple = rows.couples.find((c) => c.id === coupleId)!;
  const versionId = nextId();
  const scheduleId = nextId();
  const startsOn = plus(today, -29);
  await tx.insert(schema.measureVersions).values({
    id: versionId,
    clinicId,
    key: definition.key,
    version: 1,
    title: definition.title,
    definition,
    validated: definition.validated,
    source: "imported",
    importedBy: admin.id!,
  });
  await tx.insert(schema.measureSchedules).values({ id: scheduleId, coupleId, measureKey: definition.key, everyWeeks: 2, startsOn, createdBy: couple.counsellorId! });
  const responses = rows.coupleMembers
    .filter((m) => m.coupleId === coupleId)
    .flatMap((m) =>
      ANSWERS[m.slot as "A" | "B"].map((answers, i) => {
        const occasionOn = plus(startsOn, 14 * i);
        const score = scoreMeasure(definition, answers);
        return {
          id: nextId(),
          scheduleId,
          coupleId,
          userId: m.userId,
          occasionOn,
          measureVersionId: versionId,
          answers,
          total: score.total,
          subscales: score.subscales,
          submittedAt: new Date(`${occasionOn}T18:00:00Z`),
        };
      }),
    );
  await tx.insert(schema.measureResponses).values(responses);
}
