import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { signIn, signOut } from "./helpers";
import { ACCOUNT_EMAIL } from "../support/markers";
import { loadFixtureIds } from "../support/markers-access";

/**
 * The counsellor's side of measures on the couple page, on the marked fixture couple x: its
 * clinic imported the CSI-4 test fixture and both partners answered it three times (scripts/
 * e2e-measure-fixtures.ts): partner A 8, 13, 19; partner B 15, 15, 9.
 */

test("a counsellor schedules and stops a measure, reads both partners' scores, and downloads the answers as FHIR", async ({ page, baseURL }, testInfo) => {
  const ids = loadFixtureIds(baseURL!);
  await signIn(page, ACCOUNT_EMAIL.counsellor);
  await page.goto(`/couples/${ids.couples.x}`);
  const section = page.getByRole("region", { name: "Measures" });
  await expect(section).toBeVisible();

  // Schedule: a 0-week schedule is refused beside its field, then Mend's trust check every 3 weeks.
  await section.getByText("Schedule a measure", { exact: true }).click();
  const form = section.getByRole("form", { name: "Schedule a measure" });
  await form.getByLabel("Measure").selectOption({ label: "Trust check (version 1), Mend's own, not validated" });
  await form.getByLabel("Every how many weeks").fill("0");
  await form.getByRole("button", { name: "Schedule" }).click();
  await expect(form.getByText("0 weeks is not a schedule")).toBeVisible();
  await form.getByLabel("Every how many weeks").fill("3");
  await form.getByRole("button", { name: "Schedule" }).click();
  await expect(form.getByText("Scheduled. Each partner sees it on Today when it is due.")).toBeVisible();
  const list = section.getByRole("list", { name: "Scheduled measures" });
  const trust = list.getByRole("listitem").filter({ hasText: "Trust check" });
  await expect(trust).toContainText("every 3 weeks");
  await expect(trust).toContainText("Mend's own, not validated");
  await expect(trust).toContainText("No answers yet.");

  // Stop it, after a confirmation.
  await trust.getByRole("button", { name: "Stop schedule" }).click();
  await trust.getByRole("button", { name: "Yes, stop it" }).click();
  await expect(trust).toContainText("stopped");
  await expect(trust.getByRole("button", { name: "Stop schedule" })).toHaveCount(0);

  // Scores: the validated instrument has its cut-off and reliable change; the table says what changed.
  const csi = list.getByRole("listitem").filter({ hasText: "Four-item satisfaction fixture" });
  await expect(csi).toContainText("Validated instrument");
  await expect(csi).toContainText("cut-off 13.5");
  await expect(csi).toContainText("8 → 19 · reliable improvement · crossed the cut-off out of the clinical range");
  await expect(csi).toContainText("15 → 9 · reliable deterioration · crossed the cut-off into the clinical range");
  await csi.getByText("Show as a table").click();
  const table = csi.getByRole("table");
  const rows = table.getByRole("row");
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1).getByRole("cell")).toHaveText(["8", "15", "7", "—"]);
  await expect(rows.nth(3).getByRole("cell").nth(2)).toHaveText("10");
  await expect(rows.nth(3).getByRole("cell").nth(3)).toContainText("reliable deterioration");

  const results = await new AxeBuilder({ page }).include("section[aria-labelledby='measures-heading']").withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await section.screenshot({ path: testInfo.outputPath(`measures-${width}.png`) });
  }

  // Export: a JSON download of a FHIR Bundle of QuestionnaireResponses, one per answer.
  const [download] = await Promise.all([page.waitForEvent("download"), section.getByRole("link", { name: "Export answers (FHIR)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^measure-answers-\d{4}-\d{2}-\d{2}\.json$/);
  const bundle = JSON.parse(await readFile((await download.path())!, "utf8"));
  expect(bundle).toMatchObject({ resourceType: "Bundle", type: "collection" });
  expect(bundle.entry).toHaveLength(6);
  for (const entry of bundle.entry) expect(entry.resource).toMatchObject({ resourceType: "QuestionnaireResponse", status: "completed" });
  await signOut(page);
});
