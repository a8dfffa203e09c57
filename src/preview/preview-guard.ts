/**
 * `npm start`'s server (Eleventy's dev server) shows the content as it is on this computer,
 * drafts included, so it is kept to this computer:
 *
 * - It listens on 127.0.0.1 only. Eleventy's dev server (2.1) has no option for the address
 *   it listens on (https://github.com/11ty/eleventy-dev-server/issues/128): it listens on
 *   every interface. So its `_serverListen` is replaced with one that names the address;
 *   test/editing/preview-security.test.ts fails if a new version stops calling it.
 *   `EXPLAINERS_PREVIEW_HOST=0.0.0.0 npm start` opens it to the network on purpose, with a
 *   warning.
 * - It answers only requests addressed to it by its own names (localhost, 127.0.0.1, and
 *   when opened, this computer's addresses and host name): a web page whose host name has
 *   been pointed at 127.0.0.1 (DNS rebinding) gets 403, and so does a live-reload
 *   connection opened from another site's page.
 * - An address that cannot be decoded (a `%` not followed by two hexadecimal digits)
 *   gets 400 before any middleware reads it, and a middleware that throws gets 500,
 *   instead of a request left unanswered.
 */
import EleventyDevServer from "@11ty/eleventy-dev-server";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { isIP, type AddressInfo, type Socket } from "node:net";
import { hostname, networkInterfaces } from "node:os";

/** What Eleventy's dev server is made of, as far as this module touches it. */
interface DevServer {
  server: Server;
  _serverListen(port: number): void;
}

/** Where the preview listens: 127.0.0.1, unless EXPLAINERS_PREVIEW_HOST says otherwise. */
export function previewHost(env: NodeJS.ProcessEnv = process.env): string {
  const given = env.EXPLAINERS_PREVIEW_HOST?.trim();
  if (!given) return "127.0.0.1";
  if (given !== "localhost" && isIP(given) === 0)
    throw new Error(
      `EXPLAINERS_PREVIEW_HOST must be an IP address to listen on, like 127.0.0.1 or 0.0.0.0 (got ${JSON.stringify(given)}).`,
    );
  return given === "localhost" ? "127.0.0.1" : given;
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);
export const isLoopback = (host: string): boolean => LOOPBACK.has(host) || host === "::1";

/** The names a request may address the preview by. */
function ownNames(host: string): Set<string> {
  const names = new Set(LOOPBACK);
  if (isLoopback(host)) return names;
  names.add(hostname().toLowerCase());
  for (const addresses of Object.values(networkInterfaces()))
    for (const { address, family } of addresses ?? []) names.add(family === "IPv6" ? `[${address}]` : address);
  return names;
}

/** Why the preview will not answer this request (status and a sentence), or undefined when it will. */
export function previewRefusal(
  request: Pick<IncomingMessage, "headers" | "url">,
  port: number,
  names: ReadonlySet<string>,
): { status: number; text: string } | undefined {
  const own = (value: string | undefined) => {
    const match = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(value ?? "");
    return match !== null && names.has(match[1]!.toLowerCase()) && Number(match[2]) === port;
  };
  const origin = request.headers.origin;
  const originHost = origin?.startsWith("http://") ? origin.slice("http://".length) : undefined;
  if (!own(request.headers.host) || (origin !== undefined && !own(originHost)))
    return {
      status: 403,
      text: `This preview answers only at http://localhost:${port}/ on the computer it runs on.`,
    };
  const url = request.url ?? "";
  try {
    if (!url.startsWith("/")) throw new URIError(url);
    decodeURIComponent(new URL(url, "http://localhost").pathname);
  } catch {
    return { status: 400, text: "That address cannot be read: a '%' must be followed by two hexadecimal digits." };
  }
  return undefined;
}

const guarded = new WeakSet<Server>();

/** The server's own request handlers, behind previewRefusal, their failures answered; upgrades (live reload) likewise. */
function guard(server: Server, host: string): void {
  if (guarded.has(server)) return;
  guarded.add(server);
  const names = ownNames(host);
  const port = () => (server.address() as AddressInfo | null)?.port ?? 0;
  const handlers = server.listeners("request") as ((request: IncomingMessage, response: ServerResponse) => unknown)[];
  server.removeAllListeners("request");
  server.on("request", (request: IncomingMessage, response: ServerResponse) => {
    const refusal = previewRefusal(request, port(), names);
    if (refusal) {
      response.writeHead(refusal.status, { "Content-Type": "text/plain; charset=utf-8", Connection: "close" });
      response.end(`${refusal.text}\n`);
      return;
    }
    const failed = (error: unknown) => {
      console.error(`The preview could not answer ${request.url}: ${(error as Error)?.message ?? String(error)}`);
      if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      response.end("The preview could not answer this request; the terminal says why.\n");
    };
    for (const handle of handlers) {
      try {
        Promise.resolve(handle.call(server, request, response)).catch(failed);
      } catch (error) {
        failed(error);
      }
    }
  });
  const emit = server.emit.bind(server);
  server.emit = ((event: string, ...args: unknown[]) => {
    if (event === "upgrade") {
      const refusal = previewRefusal(args[0] as IncomingMessage, port(), names);
      if (refusal) {
        (args[1] as Socket).end(`HTTP/1.1 ${refusal.status} Refused\r\nConnection: close\r\n\r\n`);
        return true;
      }
    }
    return emit(event, ...args);
  }) as Server["emit"];
}

let listenOn: string | undefined;

/** Makes Eleventy's dev server listen on `host` only, behind the guard. Run before the server starts. */
export function guardPreviewServer(host: string): void {
  const prototype = (EleventyDevServer as unknown as { prototype: DevServer }).prototype;
  if (typeof prototype._serverListen !== "function")
    throw new Error(
      "Eleventy's dev server has changed: src/preview/preview-guard.ts cannot make it listen on 127.0.0.1 only.",
    );
  const first = listenOn === undefined;
  listenOn = host;
  if (!first) return;
  prototype._serverListen = function (this: DevServer, port: number) {
    guard(this.server, listenOn!);
    this.server.listen({ port, host: listenOn });
  };
}
