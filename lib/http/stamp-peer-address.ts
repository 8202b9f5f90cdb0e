import { channel } from "node:diagnostics_channel";
import { PEER_ADDRESS_HEADER } from "./client-address";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

// Held at module scope so the channel, and with it the subscription, lives as long as the server.
const requestStart = channel("http.server.request.start");
let stamped = false;

/**
 * Writes each incoming request's socket address into {@link PEER_ADDRESS_HEADER} before Next
 * sees the request, replacing anything the client sent under that name. Node publishes every
 * request on this channel synchronously, ahead of the server's "request" event, so every route,
 * page and server action can read the real peer from the request headers.
 */
export function stampPeerAddress(): void {
  if (stamped) return;
  stamped = true;
  requestStart.subscribe((message) => {
    const { request, socket } = message as { request: IncomingMessage; socket?: Socket };
    request.headers[PEER_ADDRESS_HEADER] = socket?.remoteAddress ?? request.socket?.remoteAddress ?? "";
  });
}
