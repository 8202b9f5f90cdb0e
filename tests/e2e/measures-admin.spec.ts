import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { ACCOUNTS, formAlert, signIn, signOut } from "./helpers";

const CSI4 = "tests/fixtures/csi4-questionnaire.json";

test("a clinic admin imports an instrument, sees it listed with its scoring facts, and gets every problem of a bad file", async ({ page }) => {
  await signIn(page, ACCOUNTS.admin);
  await page.getByRole("link", { name: "Measures" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Measures" })).toBeVisible();
  const table = page.getByRole("table", { name: "Measures of the clinic" });
  // Mend's own two measures are there from the start, labelled as not validated, claiming nothing.
  await expect(table.getByRole("row", { name: /Trust check/ })).toContainText("Mend's own, not validated");
  await expect(table.getByRole("row", { name: /Relationship check/ })).toContainText("None claimed");

  const form = page.getByRole("form", { name: "Import a measure" });
  await form.getByLabel("Questionnaire file (.json)").setInputFiles(CSI4);
  await form.getByRole("button", { name: "Import measure" }).click();
  await expect(form.getByRole("status")).toContainText('Imported "Four-item satisfaction fixture" as version 1.');
  const csi = table.getByRole("row", { name: /Four-item satisfaction fixture/ });
  await expect(csi).toContainText("Validated instrument");
  await expect(csi).toContainText("0–21");
  await expect(csi).toContainText("13.5");
  // 1.96 × 4 × √(2 × (1 − 0.9)) ≈ 3.51
  await expect(csi).toContainText("± 3.51");

  // The same file again changes nothing.
  await form.getByLabel("Questionnaire file (.json)").setInputFiles(CSI4);
  await form.getByRole("button", { name: "Import measure" }).click();
  await expect(form.getByRole("status")).toContainText("already imported exactly as this (version 1)");

  // A file with several problems lists them all and imports nothing.
  const bad = {
    resourceType: "Questionnaire",
    name: "broken_instrument",
    title: "Broken instrument",
    extension: [{ url: "urn:mend:fhir:measure-scoring", extension: [{ url: "rule", valueCode: "median" }, { url: "direction", valueCode: "higher-is-better" }] }],
    item: [
      { linkId: "a", text: "First", type: "choice", answerOption: [{ valueCoding: { code: "x", display: "No score" } }, { valueInteger: 1 }] },
      { linkId: "a", text: "Second", type: "choice", answerOption: [{ valueInteger: 0 }, { valueInteger: 1 }] },
    ],
  };
  await form.getByLabel("Questionnaire file (.json)").setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bad)) });
  await form.getByRole("button", { name: "Import measure" }).click();
  await expect(formAlert(page)).toContainText("The file was not imported");
  await expect(form.getByText("has no score")).toBeVisible();
  await expect(form.getByText('Item id "a" is used twice.', { exact: false })).toBeVisible();
  await expect(form.getByText(/scoring rule/)).toBeVisible();
  await expect(table.getByRole("row", { name: /Broken instrument/ })).toHaveCount(0);

  // Pasted text that is not JSON says so.
  await form.getByLabel("Or paste the Questionnaire").fill("resourceType: Questionnaire");
  await form.getByRole("button", { name: "Import measure" }).click();
  await expect(form.getByText("The file is not JSON.", { exact: false })).toBeVisible();
  await expect(form.getByLabel("Or paste the Questionnaire")).toHaveValue("resourceType: Questionnaire");

  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await signOut(page);
});
