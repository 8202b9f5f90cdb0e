import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The lint rule in eslint.config.mjs is the boundary: the database only behind lib/dal and
// lib/jobs, and the unscoped job entry point never reachable from a page or component.
const eslint = new ESLint({ cwd: process.cwd() });

async function refused(file: string, source: string): Promise<boolean> {
  const [result] = await eslint.lintText(source, { filePath: path.join(process.cwd(), file) });
  return result!.messages.some((m) => m.ruleId === "no-restricted-imports");
}

const importing = (name: string, from: string) => `import { ${name} } from "${from}";\nexport const used = ${name};\n`;

describe("import boundaries", () => {
  it("keeps pages and components away from the unscoped job entry point", async () => {
    expect(await refused("app/(clinic)/clinic/page.tsx", importing("runAsSystem", "@/lib/jobs/system"))).toBe(true);
    expect(await refused("app/(clinic)/clinic/actions.ts", importing("runAsSystem", "@/lib/jobs/system"))).toBe(true);
    expect(await refused("components/ui/button.tsx", importing("runAsSystem", "@/lib/jobs/system"))).toBe(true);
  }, 30_000);

  it("lets only the data layer, jobs and tooling open the database", async () => {
    for (const file of ["app/(partner)/today/page.tsx", "components/ui/pager.tsx", "lib/format.ts", "lib/auth/index.ts"]) {
      expect(await refused(file, importing("db", "@/db/ready"))).toBe(true);
      expect(await refused(file, importing("getRawDb", "@/db"))).toBe(true);
    }
    for (const file of ["lib/dal/caseload.ts", "lib/jobs/system.ts", "db/seed/demo.ts", "scripts/db-seed.ts", "tests/support/fixtures.ts", "bench/support.ts"]) {
      expect(await refused(file, importing("db", "@/db/ready"))).toBe(false);
    }
  }, 30_000);

  it("still lets anyone read the schema's tables, enums and types", async () => {
    expect(await refused("app/(counsellor)/caseload/page.tsx", importing("coupleStatusEnum", "@/db/schema"))).toBe(false);
  }, 30_000);
});
