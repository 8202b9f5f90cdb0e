import { ACTIONS, PAGES, ROUTES, matrixSize, type ActionEntry } from "../access-matrix";
import { expect, test } from "../e2e/fixtures";
import { ACTORS, allMarkers, type Actor, type CoupleTag, type FixtureIds } from "../support/markers";
import { actionIds, actionOutcome, enumerateApp, get, loadFixtureIds, pageOutcome, postAction, signInAll } from "../support/markers-access";

/**
 * The authorization matrix (tests/access-matrix.ts) over real HTTP: every page, route and export
 * as every actor, and every server action posted directly with its real id, naming the records of
 * a couple the actor may not touch. Refused calls must change nothing the record's owners see and
 * must name none of that record's private text.
 */

test.describe.configure({ timeout: 240_000 });

let ids: FixtureIds;
let cookies: Record<Actor | "otherClinicCounsellor", string>;

test.beforeAll(async ({ baseURL }) => {
  ids = loadFixtureIds(baseURL!);
  cookies = await signInAll(baseURL!, [...ACTORS, "otherClinicCounsellor"] as const);
});

test("every page, route handler and exported server action has a row in the matrix", () => {
  const found = enumerateApp();
  const listedPages = new Set(PAGES.map((p) => p.file));
  const listedRoutes = new Set(ROUTES.map((r) => r.file));
  const listedActions = new Set(ACTIONS.map((a) => `${a.file}#${a.name}`));
  expect(found.pages.filter((f) => !listedPages.has(f)), "pages missing from tests/access-matrix.ts").toEqual([]);
  expect(found.routes.filter((f) => !listedRoutes.has(f)), "route handlers missing from tests/access-matrix.ts").toEqual([]);
  expect(found.actions.filter((a) => !listedActions.has(a)), "server actions missing from tests/access-matrix.ts").toEqual([]);
  // And nothing listed that no longer exists, so the file stays the truth.
  expect([...listedPages].filter((f) => !found.pages.includes(f)), "stale pages").toEqual([]);
  expect([...listedRoutes].filter((f) => !found.routes.includes(f)), "stale routes").toEqual([]);
  expect([...listedActions].filter((a) => !found.actions.includes(a)), "stale actions").toEqual([]);
});

test("every page, route and export answers each actor as the matrix says", async ({ baseURL }, testInfo) => {
  const wrong: string[] = [];
  const tally: Record<string, number> = {};
  for (const entry of [...PAGES, ...ROUTES]) {
    const url = entry.url(ids);
    for (const actor of ACTORS) {
      const res = await get(baseURL!, url, cookies[actor]);
      const outcome = pageOutcome(res);
      tally[outcome] = (tally[outcome] ?? 0) + 1;
      if (outcome !== entry.outcomes[actor]) wrong.push(`${actor} GET ${url}: ${outcome}, expected ${entry.outcomes[actor]}`);
    }
  }
  await testInfo.attach("page-outcomes", { body: JSON.stringify({ size: matrixSize(), tally }, null, 2) });
  console.log(`[matrix] ${JSON.stringify(matrixSize())} pages+routes outcomes ${JSON.stringify(tally)}`);
  expect(wrong).toEqual([]);
});

/** What the owners of each couple see; a refused call must leave it as it was. */
function ownerViews(): { actor: Actor | "otherClinicCounsellor"; url: string }[] {
  return [
    { actor: "counsellor", url: `/couples/${ids.couples.x}` },
    { actor: "partnerA", url: "/promises" },
    { actor: "partnerA", url: "/agreements" },
    { actor: "partnerB", url: `/exercises/${ids.assignments.x}` },
    { actor: "admin", url: "/clinic/couples" },
    { actor: "admin", url: "/clinic/counsellors" },
    { actor: "otherCounsellor", url: `/couples/${ids.couples.y}` },
    { actor: "otherClinicCounsellor", url: `/couples/${ids.couples.o}` },
  ];
}

/** A page's readable text without markup, scripts or figures that move with the clock. */
function fingerprint(html: string): string {
  const main = /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? html;
  return main
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\d+/g, "#")
    .replace(/\s+/g, " ")
    .trim();
}

async function snapshot(baseURL: string): Promise<Map<string, string>> {
  const views = new Map<string, string>();
  for (const view of ownerViews()) views.set(`${view.actor} ${view.url}`, fingerprint((await get(baseURL, view.url, cookies[view.actor])).body));
  return views;
}

test("server actions posted directly: refused for every actor the matrix refuses and for another clinic's records, allowed where safe to run", async ({ baseURL }, testInfo) => {
  const idOf = actionIds();
  const markers = allMarkers();
  const wrong: string[] = [];
  const tally: Record<string, number> = {};
  let calls = 0;
  const before = await snapshot(baseURL!);

  const call = async (entry: ActionEntry, actor: Actor, couple: CoupleTag, expected: string) => {
    const id = idOf.get(`${entry.file}#${entry.name}`);
    if (!id) {
      wrong.push(`${entry.name}: no action id in the build's server reference manifest`);
      return;
    }
    const res = await postAction(baseURL!, entry.page(ids), id, cookies[actor], entry.args?.(ids, couple) ?? [], entry.fields?.(ids, couple) ?? {});
    calls++;
    const outcome = actionOutcome(res);
    tally[outcome] = (tally[outcome] ?? 0) + 1;
    if (outcome !== expected) wrong.push(`${actor} ${entry.name} on couple ${couple}'s records: ${outcome}, expected ${expected}`);
    // A refusal names nothing: no marker the actor may not see is in the answer.
    for (const marker of markers) {
      if (!marker.allowed.includes(actor) && res.body.includes(marker.token)) wrong.push(`${actor} ${entry.name}: the answer holds ${marker.token}`);
    }
  };

  for (const entry of ACTIONS) {
    for (const actor of ACTORS) {
      const expected = entry.outcomes[actor];
      if (expected !== "allowed") await call(entry, actor, "x", expected);
      else if (entry.otherRecord) await call(entry, actor, "o", entry.otherRecord);
      else if (entry.runAllowed) await call(entry, actor, "x", "allowed");
    }
  }

  const after = await snapshot(baseURL!);
  for (const [view, text] of before) if (after.get(view) !== text) wrong.push(`${view} changed after refused calls`);
  await testInfo.attach("action-outcomes", { body: JSON.stringify({ calls, tally }, null, 2) });
  console.log(`[matrix] ${calls} action calls, outcomes ${JSON.stringify(tally)}`);
  expect(wrong).toEqual([]);
});
