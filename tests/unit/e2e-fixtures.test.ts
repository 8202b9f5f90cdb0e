import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Browser specs must use tests/e2e/fixtures.ts, whose `test` fails on any Content-Security-Policy
// violation; a spec importing Playwright's own `test` would silently skip that guard.
const SPEC_FOLDERS = ["tests/e2e", "tests/attack"];
const DIRECT_IMPORT = /^\s*import\s+(?!type\s)[^;]*?from\s+["']@playwright\/test["']/m;

function specs(): string[] {
  return SPEC_FOLDERS.flatMap((folder) => {
    const dir = path.join(process.cwd(), folder);
    try {
      return readdirSync(dir, { recursive: true, encoding: "utf8" })
        .filter((f) => f.endsWith(".spec.ts"))
        .map((f) => path.join(folder, f));
    } catch {
      return [];
    }
  });
}

describe("browser specs", () => {
  it("exist in both folders", () => {
    const found = specs();
    expect(found.some((f) => f.startsWith("tests/e2e/"))).toBe(true);
    expect(found.some((f) => f.startsWith("tests/attack/"))).toBe(true);
  });

  it("import test and expect from the shared fixtures, never from @playwright/test", () => {
    const offenders = specs().filter((f) => DIRECT_IMPORT.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });

  it("recognise a direct import, and let a type-only import through", () => {
    expect(DIRECT_IMPORT.test('import { expect, test } from "@playwright/test";')).toBe(true);
    expect(DIRECT_IMPORT.test('import {\n  test,\n  type Page,\n} from "@playwright/test";')).toBe(true);
    expect(DIRECT_IMPORT.test('import type { Page } from "@playwright/test";')).toBe(false);
    expect(DIRECT_IMPORT.test('import { expect, test } from "./fixtures";')).toBe(false);
  });
});
