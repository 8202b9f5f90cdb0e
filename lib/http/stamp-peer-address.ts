import { beforeNext } from "./before-next";
import { PEER_ADDRESS_HEADER } from "./client-address";

/**
 * Writes each incoming request's socket address into {@link PEER_ADDRESS_HEADER} before Next
 * sees the request, replacing anything the client sent under that name, so every route, page and
 * server action can read the real peer from the request headers.
 */
export function stampPeerAddress(): void {
  beforeNext("stamp-peer-address", (request, socket) => {
    request.headers[PEER_ADDRESS_HEADER] = socket?.remoteAddress ?? request.socket?.remoteAddress ?? "";
  });
}
