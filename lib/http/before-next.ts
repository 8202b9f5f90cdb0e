import { channel } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

// Held at module scope so the channel, and with it the subscriptions, lives as long as the server.
const requestStart = channel("http.server.request.start");
const registered = new Set<string>();

/**
 * Runs `handler` on every incoming request before Next sees it. Node publishes each request on
 * this channel synchronously, ahead of the server's "request" event, so whatever the handler writes
 * into the request's headers is what every route, page and server action reads. Registering the
 * same name again does nothing, so a reloaded module never handles a request twice.
 */
export function beforeNext(name: string, handler: (request: IncomingMessage, socket: Socket | undefined) => void): void {
  if (registered.has(name)) return;
  registered.add(name);
  requestStart.subscribe((message) => {
    const { request, socket } = message as { request: IncomingMessage; socket?: Socket };
    handler(request, socket);
  });
}
