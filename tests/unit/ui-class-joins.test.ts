import { execSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { twMerge } from "tailwind-merge";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

// Button, Alert and the fields join their classes with clsx instead of merging them with `cn`
// (they load in nearly every client form, and the merging library is 9 kB on a phone). Joined
// classes are only right while no caller passes a class that fights one of theirs: a second
// padding or font weight would win or lose by stylesheet order, not by intent. This test reads
// every caller in the app and fails on such a pair. A class marked important (`font-normal!`)
// overrides on purpose and is allowed.

function classesOf(markup: string): string[] {
  return [...markup.matchAll(/class="([^"]*)"/g)].flatMap((m) => m[1]!.split(/\s+/)).filter(Boolean);
}

const variants = ["primary", "secondary", "ghost", "danger"] as const;
const sizes = ["sm", "md"] as const;
const tones = ["info", "error", "success", "warn"] as const;

/** The classes each primitive puts on its own outer element, over every variant it has. */
const baseClasses: Record<string, string[][]> = {
  Button: variants.flatMap((variant) => sizes.map((size) => classesOf(renderToStaticMarkup(createElement(Button, { variant, size }))))),
  Alert: tones.map((tone) => classesOf(renderToStaticMarkup(createElement(Alert, { tone })).split(">")[0]!)),
  TextField: [["space-y-1"]],
  TextAreaField: [["space-y-1"]],
  SelectField: [["space-y-1"]],
};

type Use = { file: string; tag: string; className: string | null };

function callers(): Use[] {
  const files = execSync("git ls-files 'app/*.tsx' 'components/*.tsx'", { encoding: "utf8" }).trim().split("\n");
  const uses: Use[] = [];
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    if (!/<(Button|Alert|TextField|TextAreaField|SelectField)\b/.test(text)) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
    const visit = (node: ts.Node) => {
      if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) {
        const tag = node.tagName.getText(source);
        if (baseClasses[tag]) {
          for (const attribute of node.attributes.properties) {
            if (!ts.isJsxAttribute(attribute) || attribute.name.getText(source) !== "className") continue;
            const init = attribute.initializer;
            uses.push({ file, tag, className: init && ts.isStringLiteral(init) ? init.text : null });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}

describe("classes joined, not merged", () => {
  it("renders each primitive's own classes without a conflict among them", () => {
    for (const [tag, sets] of Object.entries(baseClasses)) {
      for (const set of sets) {
        expect(set.length, tag).toBeGreaterThan(0);
        expect(twMerge(set.join(" ")).split(" "), `${tag}: ${set.join(" ")}`).toEqual(set);
      }
    }
  });

  it("finds no caller whose className fights the primitive's own classes", () => {
    const uses = callers();
    expect(uses.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const use of uses) {
      if (use.className === null) {
        problems.push(`${use.file}: <${use.tag}> takes a computed className, which this test cannot check`);
        continue;
      }
      const extra = use.className.split(/\s+/).filter((c) => c && !c.endsWith("!"));
      for (const set of baseClasses[use.tag]!) {
        const kept = twMerge([...set, ...extra].join(" ")).split(" ");
        const lost = set.filter((c) => !kept.includes(c));
        if (lost.length > 0) problems.push(`${use.file}: <${use.tag} className="${use.className}"> fights ${lost.join(", ")}`);
      }
    }
    expect([...new Set(problems)]).toEqual([]);
    // Parsing every page's source is slow on a busy machine; the check itself is quick.
  }, 30_000);

  it("would catch a fighting class (the check above can fail)", () => {
    const kept = twMerge([...baseClasses.Alert![0]!, "font-normal"].join(" ")).split(" ");
    expect(kept).not.toContain("font-medium");
  });
});
