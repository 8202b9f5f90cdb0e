import { parseAndValidateFlightRouterState } from "next/dist/server/app-render/parse-and-validate-flight-router-state";
import { beforeNext } from "./before-next";
import type { IncomingMessage } from "node:http";

/**
 * Set on a request whose router headers Next could not read, naming the header; proxy.ts refuses
 * such a request with 400. Whatever a client sends under this name is replaced.
 */
export const MALFORMED_ROUTER_HEADER = "x-mend-malformed-router-header";

const ROUTER_STATE_TREE = "next-router-state-tree";

/**
 * The first router header Next's own client would never send, or null. Next reads the router
 * state (URI-encoded JSON of the tree of segments) of every RSC request in its request handler,
 * before proxy.ts runs and where proxy.ts cannot see it, and answers a value it cannot parse with a
 * 500. This is Next's own check, so the two can never disagree about what is readable.
 */
export function findMalformedRouterHeader(headers: IncomingMessage["headers"]): string | null {
  const tree = headers[ROUTER_STATE_TREE];
  if (tree === undefined) return null;
  try {
    parseAndValidateFlightRouterState(tree);
    return null;
  } catch {
    return ROUTER_STATE_TREE;
  }
}

/**
 * Screens each incoming request's router headers before Next sees them. A malformed one is
 * removed, so Next cannot fail on it, and named in {@link MALFORMED_ROUTER_HEADER}, so proxy.ts answers 400 instead of rendering: only
 * Next's client router sends these headers, so a value it cannot read came from something else.
 */
export function screenRouterHeaders(): void {
  beforeNext("screen-router-headers", (request) => {
    delete request.headers[MALFORMED_ROUTER_HEADER];
    const malformed = findMalformedRouterHeader(request.headers);
    if (malformed === null) return;
    delete request.headers[malformed];
    request.headers[MALFORMED_ROUTER_HEADER] = malformed;
  });
}
