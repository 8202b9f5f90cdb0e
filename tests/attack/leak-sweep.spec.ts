import { PAGES, ROUTES } from "../access-matrix";
import { expect, test } from "../e2e/fixtures";
import { ACTORS, allMarkers, type FixtureIds, type SweepActor } from "../support/markers";
import { get, loadFixtureIds, pageOutcome, redirectTarget, signInAll } from "../support/markers-access";

/**
 * The leak sweep: every private field of the fixture clinics carries a marker (counsellor-only
 * answers and check-in notes, an unrevealed step-6 answer, safety screens, clinical notes, and a
 * second couple's and a second clinic's everything). Each actor crawls every page it can reach
 * from its home page (same-origin links, bounded), reading the HTML, the `RSC: 1` payload and any
 * download, and no marker the actor may not see may appear. Each marker must also be seen by
 * someone who may see it, so the sweep cannot pass by reaching nothing.
 */

test.describe.configure({ timeout: 240_000 });

const SWEEPERS: readonly SweepActor[] = [...ACTORS, "otherClinicCounsellor"];
/**
 * Pages per actor, and variants of one path (query strings) per actor. The couple page alone links
 * three chart ranges and a "Show older" page of five lists, and its lists open ten rows long, so
 * older history (a safety screen, a counsellor-only check-in note) is only reached on those pages.
 */
const MAX_PAGES = 60;
const MAX_VARIANTS = 10;
const SKIP = /^\/(?:_next|api\/auth)\/|\.(?:svg|png|ico|css|js|txt|webmanifest)(?:\?|$)|sign-?out|logout/i;

function links(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<a\b[^>]*\bhref="([^"]+)"/g)) {
    const href = m[1]!.replaceAll("&amp;", "&");
    if (href.startsWith("/") && !href.startsWith("//") && !SKIP.test(href)) out.push(href.split("#")[0]!);
  }
  return out;
}

/** Where each actor starts: every matrix page and route the actor may open, which includes their home. */
function startPages(actor: SweepActor, ids: FixtureIds): string[] {
  const start = ["/"];
  for (const entry of [...PAGES, ...ROUTES]) {
    const as = actor === "otherClinicCounsellor" ? "otherCounsellor" : actor;
    if (entry.outcomes[as] === "allowed") start.push(entry.url(ids));
  }
  if (actor === "otherClinicCounsellor") start.push(`/couples/${ids.couples.o}`);
  return start.filter((url) => !(actor === "otherClinicCounsellor" && url === `/couples/${ids.couples.x}`));
}

test("no actor can read a private field it may not see, and each is seen by someone who may", async ({ baseURL }, testInfo) => {
  const ids = loadFixtureIds(baseURL!);
  const cookies = await signInAll(baseURL!, SWEEPERS);
  const markers = allMarkers();
  const leaks: string[] = [];
  const seenBy = new Map<string, Set<SweepActor>>();
  const crawled: Record<string, number> = {};
  const started = Date.now();

  const inspect = (actor: SweepActor, where: string, body: string) => {
    for (const marker of markers) {
      if (!body.includes(marker.token)) continue;
      if (marker.allowed.includes(actor)) {
        if (!seenBy.has(marker.token)) seenBy.set(marker.token, new Set());
        seenBy.get(marker.token)!.add(actor);
      } else {
        leaks.push(`${actor} ${where}: ${marker.token}`);
      }
    }
  };

  for (const actor of SWEEPERS) {
    const queue = startPages(actor, ids);
    const visited = new Set<string>();
    const variants = new Map<string, number>();
    while (queue.length > 0 && visited.size < MAX_PAGES) {
      const url = queue.shift()!;
      if (visited.has(url)) continue;
      const pathname = url.split("?")[0]!;
      if ((variants.get(pathname) ?? 0) >= MAX_VARIANTS) continue;
      visited.add(url);
      variants.set(pathname, (variants.get(pathname) ?? 0) + 1);

      const res = await get(baseURL!, url, cookies[actor]);
      inspect(actor, `GET ${url}`, res.body);
      const target = redirectTarget(res);
      if (target && target.startsWith("/")) queue.push(target);
      if (pageOutcome(res) !== "allowed") continue;
      const type = String(res.headers["content-type"] ?? "");
      if (!type.includes("text/html")) continue; // a download: its body is checked above
      const rsc = await get(baseURL!, url, cookies[actor], { rsc: "1" });
      inspect(actor, `RSC ${url}`, rsc.body);
      for (const link of links(res.body)) if (!visited.has(link)) queue.push(link);
    }
    crawled[actor] = visited.size;
  }

  const unseen = markers.filter((m) => !seenBy.has(m.token)).map((m) => `${m.token} (may be seen by ${m.allowed.join(", ")})`);
  const report = { markers: markers.length, crawled, seconds: Math.round((Date.now() - started) / 1000) };
  await testInfo.attach("leak-sweep", { body: JSON.stringify({ ...report, seenBy: Object.fromEntries([...seenBy].map(([k, v]) => [k, [...v]])) }, null, 2) });
  console.log(`[leak sweep] ${JSON.stringify(report)}`);
  expect(leaks, "markers shown to someone who may not see them").toEqual([]);
  expect(unseen, "markers nobody who may see them was shown: the sweep would pass vacuously").toEqual([]);
});
