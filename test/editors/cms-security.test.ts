/**
 * `npm run cms` as another user of the same computer would meet it: its API driven by user
 * `nobody` (a plain Node script run with `runuser`, from a folder nobody may read, needing
 * nothing from the repository or node_modules), first without the secret, then with it as
 * if it had leaked, with the requests of issue 27: writing code (`src/cli/PWNED.ts`),
 * rewriting `.git/config`, `..` and percent-encoded paths, a symbolic link out of the media
 * folder, a path through publish-check.ts to a file outside the repository, straight-to-main
 * saves of broken content, malformed and oversize requests. Nothing may change, be created,
 * be deleted or be committed, and no answer may carry a stack trace or a path on this
 * computer. Then the same API with the secret does its work, inside content and media only.
 * Needs root (to be `nobody`); skipped, saying so, otherwise.
 */
import { spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { projectRoot } from "../browser/support.ts";
import { startCms as startCmsProcess } from "./cms-process.ts";

const IDENTITY = {
  GIT_AUTHOR_NAME: "CMS Test",
  GIT_AUTHOR_EMAIL: "cms@example.org",
  GIT_COMMITTER_NAME: "CMS Test",
  GIT_COMMITTER_EMAIL: "cms@example.org",
};
const MEDIA = "layouts/assets/media";
/** The smallest PNG: one transparent pixel. */
const PIXEL = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

let whyNot: { reason: string | undefined } | undefined;
/** Why the cases cannot run as user nobody here, or undefined when they can. */
const asNobody = (): string | undefined => (whyNot ??= { reason: canBeNobody() }).reason;

function canBeNobody(): string | undefined {
  if (process.platform !== "linux" || process.getuid?.() !== 0)
    return "not root: running a request as user nobody needs root";
  if (spawnSync("runuser", ["--help"]).error) return "runuser is not installed";
  // Node itself may be in a folder only its owner can enter (a version manager's, under /root).
  if (spawnSync("runuser", ["-u", "nobody", "--", process.execPath, "-e", "0"], { cwd: "/" }).status !== 0)
    return `user nobody cannot run ${process.execPath}`;
  return undefined;
}

const security = suite("npm run cms, driven by another user of this computer");

let project = "";
let outside = "";
let clientFolder = "";
let cms: ChildProcess | undefined;
let origin = "";
let secret = "";

function git(args: string[]): string {
  const result = spawnSync("git", args, { cwd: project, encoding: "utf8", env: { ...process.env, ...IDENTITY } });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${result.stderr}`);
  return result.stdout;
}

/** A project of its own: content, settings, a media folder with a picture and a link out of it. */
function makeProject(): void {
  project = mkdtempSync(join(tmpdir(), "explainers-cms-security-"));
  outside = mkdtempSync(join(tmpdir(), "explainers-cms-outside-"));
  writeFileSync(join(outside, "victim.txt"), "Not the content manager's to touch.\n");
  writeFileSync(join(outside, "victim.png"), PIXEL);
  cpSync(join(projectRoot, "content"), join(project, "content"), { recursive: true });
  cpSync(join(projectRoot, "site.yaml"), join(project, "site.yaml"));
  mkdirSync(join(project, "src/cli"), { recursive: true });
  writeFileSync(join(project, "src/site.ts"), "// the code: not content\n");
  mkdirSync(join(project, MEDIA), { recursive: true });
  writeFileSync(join(project, MEDIA, "logo.png"), PIXEL);
  symlinkSync(join(outside, "victim.png"), join(project, MEDIA, "linked.png"));
  writeFileSync(join(project, ".gitignore"), "/site/\n/.cache/\n");
  git(["init", "-q", "-b", "main"]);
  git(["add", "."]);
  git(["commit", "-q", "-m", "The project"]);
}

function startCms(): Promise<string> {
  const started = startCmsProcess(project, IDENTITY);
  cms = started.child;
  return started.link;
}

/** Everything that must not change: each file of the project and outside (with .git's refs and config), and git's state. */
function snapshot(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string, label: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      const name = `${label}/${entry.name}`;
      if (name === "project/.git") continue;
      if (entry.isDirectory()) walk(path, name);
      else
        files.set(
          name,
          entry.isSymbolicLink() ? "link" : createHash("sha256").update(readFileSync(path)).digest("hex"),
        );
    }
  };
  walk(project, "project");
  walk(outside, "outside");
  files.set("git config", readFileSync(join(project, ".git/config"), "utf8"));
  files.set("git refs", git(["for-each-ref"]));
  files.set("git status", git(["status", "--porcelain", "--ignored"]));
  files.set("git head", git(["symbolic-ref", "HEAD"]));
  return files;
}

function changedBetween(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
}

/** The client `nobody` runs: plain Node, no imports from the project. Reads its cases from stdin. */
const CLIENT = `
import { request } from "node:http";
let input = "";
for await (const chunk of process.stdin) input += chunk;
const { origin, secret, cases } = JSON.parse(input);
const send = (one) => new Promise((done) => {
  const body = one.bytes ? Buffer.alloc(one.bytes, 97) : Buffer.from(one.body ?? "");
  const headers = { "Content-Type": one.type ?? "application/json", ...(one.secret === "right" ? { "X-CMS-Session": secret } : {}), ...(one.secret === "wrong" ? { "X-CMS-Session": "wrong-" + secret.slice(6) } : {}) };
  // An answer may come, and the connection close, before all of a large body is sent.
  let status = 0;
  let text = "";
  const sent = request(origin + (one.path ?? "/api/v1"), { method: one.method ?? "POST", headers }, (response) => {
    status = response.statusCode;
    response.setEncoding("utf8");
    response.on("data", (piece) => (text += piece));
    response.on("end", () => done({ name: one.name, status, text }));
    response.on("error", () => done({ name: one.name, status, text }));
  });
  sent.setTimeout(30000, () => sent.destroy(new Error("no answer in 30 s")));
  sent.on("error", (error) => setTimeout(() => done({ name: one.name, status, text: text || String(error.message) }), 200));
  sent.end(one.method === "GET" ? undefined : body);
});
const results = [];
for (const one of cases) results.push(await send(one));
process.stdout.write(JSON.stringify(results));
`;

interface Case {
  name: string;
  body?: string;
  bytes?: number;
  path?: string;
  method?: string;
  type?: string;
  secret?: "right" | "wrong";
}
interface Result {
  name: string;
  status: number;
  text: string;
}

/** Runs the cases as user nobody, the secret given on stdin (never in a command line). */
function asUserNobody(cases: Case[]): Result[] {
  if (!clientFolder) {
    clientFolder = mkdtempSync(join(tmpdir(), "explainers-nobody-"));
    writeFileSync(join(clientFolder, "client.mjs"), CLIENT);
    chmodSync(join(clientFolder, "client.mjs"), 0o644);
    chmodSync(clientFolder, 0o755);
  }
  const run = spawnSync("runuser", ["-u", "nobody", "--", process.execPath, join(clientFolder, "client.mjs")], {
    cwd: "/",
    input: JSON.stringify({ origin, secret, cases }),
    encoding: "utf8",
    timeout: 300_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`the client run as nobody failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Result[];
}

const action = (name: string, params: Record<string, unknown>, extra: Partial<Case> = {}): Case => ({
  name,
  body: JSON.stringify({ action: name.split(" ")[0], params: { branch: "main", ...params } }),
  ...extra,
});
const commit = { commitMessage: "A change" };
const asset = (path: string, content = "Ly8gcHduZWQK") => ({ path, content, encoding: "base64" });
const entry = (path: string, raw: string) => ({ slug: "x", path, raw });
const persist = (dataFiles: unknown[], useWorkflow: boolean) => ({
  dataFiles,
  assets: [],
  options: { ...commit, useWorkflow, status: "draft", collectionName: "organisations" },
});

/** What a leaked secret must still not be able to do. */
function hostileCases(): Case[] {
  const toVictim = relative(project, join(outside, "victim.txt"));
  const fsmonitor = "[core]\n\tfsmonitor = touch /tmp/explainers-pwned\n";
  return [
    action("persistMedia code", { asset: asset("src/cli/PWNED.ts"), options: commit }),
    action("persistMedia dot-dot", { asset: asset(`${MEDIA}/../../../src/cli/PWNED.ts`), options: commit }),
    action("persistMedia template", { asset: asset(`${MEDIA}/page.11ty.ts`), options: commit }),
    action("persistMedia through a link out", { asset: asset(`${MEDIA}/linked.png`), options: commit }),
    action("getMediaFile through a link out", { path: `${MEDIA}/linked.png` }),
    action("persistEntry .git/config", persist([entry(".git/config", fsmonitor)], false)),
    action("persistEntry content/../.git/config", persist([entry("content/../.git/config", fsmonitor)], true)),
    action("persistEntry encoded dot-dot", persist([entry("content/%2e%2e/.git/config", fsmonitor)], true)),
    action("persistEntry encoded slashes", persist([entry("content%2F..%2F.git%2Fconfig", fsmonitor)], true)),
    action(
      "persistEntry renamed out",
      persist([{ ...entry("content/organisations/x.md", "x"), newPath: "src/x.md" }], true),
    ),
    action("getEntry absolute", { path: "/etc/passwd" }),
    action("getEntry dot-dot", { path: "content/../../../../etc/passwd" }),
    action("deleteFiles outside the repository", { paths: [`content/${toVictim}`], options: commit }),
    action("deleteFile code", { path: "content/organisations/../../src/site.ts", options: commit }),
    action("entriesByFolder dot-dot", { folder: "content/..", extension: "md", depth: 5 }),
    action("getMedia elsewhere", { mediaFolder: "/etc" }),
    action("getMedia with a link out in it", { mediaFolder: MEDIA }),
    action("publishUnpublishedEntry bad slug", { collection: "organisations", slug: "../../main" }),
    action("updateUnpublishedEntryStatus config", {
      collection: "organisations",
      slug: "x",
      newStatus: `draft\n${fsmonitor}`,
    }),
    action("getEntry another branch", { branch: "main~1", path: "content/site.yaml" }),
    action(
      "persistEntry broken content straight to main",
      persist([entry("content/organisations/new.md", "---\nname: \n---\n")], false),
    ),
    { name: "not JSON", body: "{ this is not json" },
    { name: "not said to be JSON", body: "{}", type: "text/plain" },
    { name: "no params", body: JSON.stringify({ action: "getEntry" }) },
    {
      name: "paths not a list",
      body: JSON.stringify({ action: "deleteFiles", params: { branch: "main", paths: 5, options: commit } }),
    },
    { name: "unknown action", body: JSON.stringify({ action: "runCommand", params: { branch: "main" } }) },
    { name: "oversize", bytes: 11 * 1024 * 1024 },
    action("deleteFiles 2,000 paths", {
      paths: Array.from({ length: 2000 }, (_, index) => `content/organisations/${index}.md`),
      options: commit,
    }),
  ].map((one) => ({ ...one, secret: "right" as const }));
}

security.before(async () => {
  if (asNobody()) return;
  makeProject();
  const link = await startCms();
  origin = new URL(link).origin;
  // As the editor's browser: the link's page holds the secret.
  const page = await (await fetch(link)).text();
  secret = /<meta name="cms-session" content="([^"]+)">/.exec(page)?.[1] ?? "";
});

security.after(async () => {
  if (cms && cms.exitCode === null) {
    const exited = new Promise((done) => cms!.once("exit", done));
    cms.kill("SIGTERM");
    await exited;
  }
  for (const folder of [project, outside, clientFolder]) if (folder) rmSync(folder, { recursive: true, force: true });
});

security("without the secret, nothing is answered but Decap's page, and nothing changes", () => {
  const skip = asNobody();
  if (skip) return console.log(`  skipped: ${skip}`);
  assert.ok(secret.length >= 40, "the one-time link's page holds the secret");
  const before = snapshot();
  const hostile = hostileCases();
  const cases: Case[] = [
    ...hostile.map((one) => ({ ...one, name: `${one.name}, no secret`, secret: undefined })),
    ...hostile.slice(0, 8).map((one) => ({ ...one, name: `${one.name}, wrong secret`, secret: "wrong" as const })),
    action(
      "persistEntry a fine organisation, no secret",
      persist([entry("content/organisations/fine.md", "---\nname: Fine\n---\n")], false),
    ),
    action("info", {}),
    { name: "the configuration", path: "/admin/config.yml", method: "GET" },
    { name: "the page, used link", path: "/admin/?token=guessed", method: "GET" },
  ];
  const results = asUserNobody(cases);
  for (const result of results) {
    if (result.name.startsWith("the page")) {
      assert.is(result.status, 200, result.name);
      assert.not.match(result.text, 'cms-session" content', "the page without a live token holds no secret");
      assert.not.ok(result.text.includes(secret));
    } else assert.is(result.status, 403, `${result.name}: ${result.text}`);
  }
  assert.equal(changedBetween(before, snapshot()), [], "nothing changed");
  assert.not.ok(existsSync("/tmp/explainers-pwned"));
});

security("with the secret, nothing outside content and media is read, written, deleted or committed", () => {
  const skip = asNobody();
  if (skip) return console.log(`  skipped: ${skip}`);
  const before = snapshot();
  const started = Date.now();
  const results = asUserNobody(hostileCases());
  for (const result of results) {
    const expected = result.name.startsWith("oversize") || result.name.includes("2,000") ? [413] : [400, 403, 422];
    assert.ok(expected.includes(result.status), `${result.name} answered ${result.status}: ${result.text}`);
    const { error } = JSON.parse(result.text) as { error: string };
    assert.type(error, "string", result.name);
    assert.not.ok(/\n\s+at |\/tmp\/|\/root\/|\/home\//.test(error), `${result.name} says no stack or path: ${error}`);
    assert.not.ok(error.includes(project) || error.includes(projectRoot), result.name);
  }
  const broken = results.find((result) => result.name.startsWith("persistEntry broken"))!;
  assert.is(broken.status, 422);
  assert.match(broken.text, "Not saved: npm run check would find");
  assert.equal(changedBetween(before, snapshot()), [], "nothing changed");
  assert.ok(existsSync(join(outside, "victim.txt")), "the file outside the repository is still there");
  assert.ok(Date.now() - started < 120_000);
});

security("with the secret, the editor's work is done, in content and media only", () => {
  const skip = asNobody();
  if (skip) return console.log(`  skipped: ${skip}`);
  const before = snapshot();
  const head = git(["rev-parse", "HEAD"]).trim();
  const organisation = "---\nname: Fineshire County Council\nkind: local-authority\nregion: South East\n---\n";
  const results = asUserNobody(
    [
      action("persistEntry a draft", persist([entry("content/organisations/fineshire.md", organisation)], true)),
      action("persistMedia a picture", {
        asset: asset(`${MEDIA}/chart.png`, PIXEL.toString("base64")),
        options: commit,
      }),
      action("getEntry", { path: "content/organisations/oxfordshire.md" }),
    ].map((one) => ({ ...one, secret: "right" as const })),
  );
  for (const result of results) assert.is(result.status, 200, `${result.name}: ${result.text}`);
  const changed = changedBetween(before, snapshot()).filter((name) => !name.startsWith("git "));
  assert.equal(changed, [`project/${MEDIA}/chart.png`]);
  assert.match(git(["branch", "--list", "cms/*"]), "cms/organisations/x");
  const committed = git(["diff", "--name-only", `${head}..main`])
    .trim()
    .split("\n");
  assert.equal(committed, [`${MEDIA}/chart.png`]);
});

security.run();
