/**
 * `npm start` stays on this computer (issue 27): the preview, started as `npm start` starts
 * it, listens on 127.0.0.1 only (not on the computer's other addresses, nor on the rest of
 * 127.0.0.0/8, which a server listening everywhere would answer on too); a request or a
 * live-reload connection addressed to another host name, or from another site, is refused;
 * and a malformed address (`/%`) is answered 400 at once, instead of holding its socket.
 */
import { rmSync, readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { previewHost, previewRefusal } from "../../src/preview/preview-guard.ts";
import { getPage, servedAt, startPreview, stopPreview, until, type PreviewServer } from "./preview-server.ts";
import { sampleCopy } from "./support.ts";

const security = suite("npm start: a preview only this computer sees");

let folder = "";
let server: PreviewServer | undefined;
let port = 0;

security.before(async () => {
  ({ folder } = sampleCopy("preview-security"));
  server = startPreview(join(folder, "site"), {
    EXPLAINERS_CONTENT: join(folder, "content"),
    EXPLAINERS_IMAGES: "off",
    EXPLAINERS_PREVIEW_SEARCH: "off",
  });
  try {
    const origin = await until(
      () => server,
      "the preview to start",
      180,
      () => servedAt(server!.output()),
    );
    port = Number(new URL(origin).port);
    await until(
      () => server,
      "the first page",
      120,
      async () => ((await getPage(`${origin}/`, { seconds: 10 })).status === 200 ? true : undefined),
      500,
    );
  } catch (error) {
    await stopPreview(server.child);
    throw error;
  }
});

security.after(async () => {
  await stopPreview(server?.child);
  rmSync(folder, { recursive: true, force: true });
});

/** Whether a TCP connection to host:port is accepted. */
function accepts(host: string): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host, port, timeout: 3000 });
    socket.once("connect", () => {
      socket.destroy();
      done(true);
    });
    socket.once("error", () => done(false));
    socket.once("timeout", () => {
      socket.destroy();
      done(false);
    });
  });
}

/** The local addresses of the sockets listening on `port`, from /proc/net (Linux). */
function listeningAddresses(): string[] | undefined {
  const found: string[] = [];
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let table = "";
    try {
      table = readFileSync(file, "utf8");
    } catch {
      return undefined;
    }
    for (const line of table.split("\n").slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (!local || state !== "0A") continue;
      const [address, hexPort] = local.split(":");
      if (parseInt(hexPort!, 16) === port) found.push(address!);
    }
  }
  return found;
}

security("it listens on 127.0.0.1 only", async () => {
  assert.ok(await accepts("127.0.0.1"), "it answers on 127.0.0.1");
  const addresses = listeningAddresses();
  if (addresses)
    assert.equal(addresses, ["0100007F"], "one listening socket, on 127.0.0.1 (as /proc/net/tcp writes it)");
  if (process.platform === "linux") assert.not.ok(await accepts("127.0.0.2"), "not on the rest of 127.0.0.0/8");
  for (const { address, family, internal } of Object.values(networkInterfaces()).flatMap((list) => list ?? [])) {
    if (internal || !address || family !== "IPv4") continue;
    assert.not.ok(await accepts(address), `not on ${address}`);
  }
});

security("a request addressed to another host name, or from another site's page, is refused", async () => {
  const ask = (headers: Record<string, string>) => getPage(`http://127.0.0.1:${port}/`, { seconds: 10, headers });
  assert.is((await ask({ Host: `localhost:${port}` })).status, 200);
  assert.is((await ask({ Host: `127.0.0.1:${port}` })).status, 200);
  const rebound = await ask({ Host: `attacker.example:${port}` });
  assert.is(rebound.status, 403, "DNS rebinding: the page thinks it is attacker.example");
  assert.not.match(rebound.body, "<html");
  assert.is((await ask({ Host: `localhost:${port + 1}` })).status, 403, "another port's name");
  assert.is((await ask({ Host: "localhost" })).status, 403, "no port");
});

/** Opens a live-reload (WebSocket) connection; its status: 101 when accepted. */
function upgrade(origin: string, host = `localhost:${port}`): Promise<number> {
  return new Promise((done, failed) => {
    const sent = httpRequest({
      host: "127.0.0.1",
      port,
      path: "/",
      headers: {
        Host: host,
        Origin: origin,
        Connection: "Upgrade",
        Upgrade: "websocket",
        "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
      },
      timeout: 10_000,
    });
    sent.once("upgrade", (response, socket) => {
      socket.destroy();
      done(response.statusCode ?? 0);
    });
    sent.once("response", (response) => {
      response.resume();
      done(response.statusCode ?? 0);
    });
    sent.once("timeout", () => sent.destroy(new Error("no answer to the upgrade in 10 s")));
    sent.once("error", failed);
    sent.end();
  });
}

security("live reload, which sends pages as they change, is refused to another site's page", async () => {
  assert.is(await upgrade(`http://localhost:${port}`), 101, "the preview's own page");
  assert.is(await upgrade("https://attacker.example"), 403);
  assert.is(await upgrade(`http://localhost:${port}`, `attacker.example:${port}`), 403);
});

security("a malformed address is answered 400 at once, and a hundred of them hold no socket", async () => {
  const started = Date.now();
  for (const path of ["/%", "/data/%", "/organisations/%zz/", "/%E0%A4%A"]) {
    const answer = await getPage(`http://127.0.0.1:${port}${path}`, { seconds: 5 });
    assert.is(answer.status, 400, path);
    assert.match(answer.body, "cannot be read");
  }
  const many = await Promise.all(
    Array.from({ length: 100 }, () => getPage(`http://127.0.0.1:${port}/%`, { seconds: 10 })),
  );
  assert.ok(many.every((answer) => answer.status === 400));
  assert.ok(Date.now() - started < 15_000, "answered at once, not after timeouts");
  assert.is((await getPage(`http://127.0.0.1:${port}/`, { seconds: 10 })).status, 200, "and it goes on serving");
});

security("the address it listens on: 127.0.0.1 unless asked, and only an IP address", () => {
  assert.is(previewHost({}), "127.0.0.1");
  assert.is(previewHost({ EXPLAINERS_PREVIEW_HOST: "0.0.0.0" }), "0.0.0.0");
  assert.is(previewHost({ EXPLAINERS_PREVIEW_HOST: "localhost" }), "127.0.0.1");
  assert.throws(() => previewHost({ EXPLAINERS_PREVIEW_HOST: "evil.example" }), /must be an IP address/);
  const names = new Set(["localhost", "127.0.0.1", "192.168.1.20"]);
  const asked = (host: string, url = "/", origin?: string) =>
    previewRefusal({ headers: { host, ...(origin ? { origin } : {}) }, url }, 8080, names)?.status;
  assert.is(asked("192.168.1.20:8080"), undefined, "opened: its own address");
  assert.is(asked("LOCALHOST:8080"), undefined);
  assert.is(asked("attacker.example:8080"), 403);
  assert.is(asked("localhost:8080", "/", "http://attacker.example:8080"), 403);
  assert.is(asked("localhost:8080", "/%"), 400);
  assert.is(asked("localhost:8080", "http://elsewhere/"), 400);
});

security.run();
