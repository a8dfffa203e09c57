/**
 * `npm run cms`: the content manager on this computer, saving into this git repository
 * through Decap's own local server (decap-server, in its git mode: drafts are branches,
 * publishing merges one). One address serves both the page and Decap's API, on 127.0.0.1
 * only, and answers only its own page: a request from another site, or through another
 * host name (DNS rebinding), is refused, as decap-server has no sign-in.
 * https://decapcms.org/docs/decap-proxy/
 *
 * decap-server commits with `git add .` and switches branches while it saves, so it is
 * started only on a clean working tree, on a branch, with a git identity to commit as.
 * Before decap-server merges a draft or deletes a file, `npm run check` runs on the content
 * as it would be (publish-check.ts): the editor is told check's problems instead.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { join, relative, resolve } from "node:path";
import type { ContentProblem } from "../content/problems.ts";
import { adminContentSecurityPolicy, SECURITY_HEADERS } from "../render/security-headers.ts";
import { adminUrl, previewOrigin } from "../render/urls.ts";
import { readSite } from "../site.ts";
import { adminFiles, DECAP_DIST, decapFiles } from "./admin-files.ts";
import { editorChoices } from "./choices.ts";
import { problemsOnDeleting, problemsOnPublishing, type Place } from "./publish-check.ts";

export interface LocalCmsOptions {
  /** The project folder. */
  root: string;
  /** The content folder, relative to root or absolute. */
  content: string;
  /** 0 for any free port. */
  port: number;
}

export interface LocalCms {
  /** The content manager's address: http://127.0.0.1:PORT/admin/ */
  url: string;
  /** The git repository's folder and the branch drafts are merged into. */
  repository: string;
  branch: string;
  close(): Promise<void>;
}

/** Why the local content manager cannot start, in a sentence or two for the editor. */
export class LocalCmsError extends Error {
  constructor(
    message: string,
    readonly problems: readonly ContentProblem[] = [],
  ) {
    super(message);
    this.name = "LocalCmsError";
  }
}

interface RequestHandler {
  (request: IncomingMessage, response: ServerResponse): void;
}

/** The little of Express this module uses to add its own step before decap-server's. */
type ApiRequest = IncomingMessage & {
  body?: { action?: string; params?: { collection?: string; slug?: string; path?: string; paths?: string[] } };
};
type ApiResponse = ServerResponse & { status(code: number): { json(body: unknown): void } };
type Middleware = (request: ApiRequest, response: ApiResponse, next: () => void) => void;
interface ExpressApp extends RequestHandler {
  use(path: string, ...handlers: Middleware[]): void;
  post(path: string, ...handlers: Middleware[]): void;
}
interface Express {
  (): ExpressApp;
  json(options: { limit: string }): Middleware;
}

// decap-server's middlewares run in an Express app; it is decap-server's own Express.
const fromDecapServer = createRequire(createRequire(import.meta.url).resolve("decap-server/package.json"));

/** Where decap-server's API answers, beside the page: Decap's `proxy` backend posts to it. */
const API_PATH = "/api/v1";

const CONTENT_TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8",
  yml: "text/yaml; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  wasm: "application/wasm",
  txt: "text/plain; charset=utf-8",
};

function git(repository: string, args: string[]): string {
  return execFileSync("git", args, { cwd: repository, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

/** The repository and branch the CMS will save to; throws LocalCmsError when it may not. */
function repositoryOf(root: string): { repository: string; branch: string } {
  let repository: string;
  try {
    repository = git(root, ["rev-parse", "--show-toplevel"]);
  } catch {
    throw new LocalCmsError(
      `${root} is not in a git repository. The content manager saves through git: run \`git init\` and commit the project first.`,
    );
  }
  let branch: string;
  try {
    branch = git(repository, ["symbolic-ref", "--short", "HEAD"]);
  } catch {
    throw new LocalCmsError(
      "The repository is not on a branch (a detached HEAD). Check out the branch to save to, like `git switch main`.",
    );
  }
  const changed = git(repository, ["status", "--porcelain"]).split("\n").filter(Boolean);
  if (changed.length > 0) {
    const shown = changed
      .slice(0, 10)
      .map((line) => `  ${line}`)
      .join("\n");
    throw new LocalCmsError(
      `The content manager commits every change in the repository when it saves, so it starts only when nothing is left uncommitted. Commit or stash these first:\n${shown}${changed.length > 10 ? `\n  and ${changed.length - 10} more` : ""}`,
    );
  }
  try {
    git(repository, ["var", "GIT_COMMITTER_IDENT"]);
  } catch {
    throw new LocalCmsError(
      'git does not know who you are, so it cannot commit. Run `git config user.name "Your Name"` and `git config user.email you@example.org`.',
    );
  }
  return { repository, branch };
}

export async function startLocalCms(options: LocalCmsOptions): Promise<LocalCms> {
  const root = resolve(options.root);
  const { repository, branch } = repositoryOf(root);
  const contentFolder = relative(repository, resolve(root, options.content)).split("\\").join("/");
  // The Site as it is now: the content changes as drafts are published.
  const freshFiles = () => {
    const { problems, model, settings } = readSite(root, options.content);
    if (problems.length > 0)
      throw new LocalCmsError(
        "The content has problems, so the content manager cannot offer its choices. Fix them first (npm run check lists them).",
        problems,
      );
    return adminFiles(editorChoices(model), settings, {
      // Relative, so the page works at 127.0.0.1 and at localhost alike.
      backend: { name: "proxy", proxy_url: API_PATH, branch },
      content: contentFolder,
      siteUrl: `${previewOrigin()}${settings.pathPrefix.replace(/\/$/, "")}`,
    });
  };
  // Refuse to start on content with problems: the forms would offer wrong choices.
  let lastGood = freshFiles();

  const server = createServer();
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(options.port, "127.0.0.1", () => done());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  const api = await decapApi(origin, { repository, root, content: options.content, into: branch });
  const adminFile = (name: string): string | Buffer | undefined => {
    if (name === "config.yml") {
      try {
        lastGood = freshFiles();
      } catch {
        // Content broken while the CMS runs: keep offering the last choices that were right.
      }
    }
    if (lastGood.has(name)) return lastGood.get(name);
    return decapFiles().includes(name) ? readFileSync(join(DECAP_DIST, name)) : undefined;
  };
  server.on("request", handler(origin, port, api, adminFile));
  return {
    url: `${origin}${adminUrl()}`,
    repository,
    branch,
    close: () => new Promise((done) => closeServer(server, done)),
  };
}

/** decap-server's git middleware, in its own Express, with the check before publishing ahead of it. */
async function decapApi(origin: string, where: Place): Promise<RequestHandler> {
  const express = fromDecapServer("express") as Express;
  const { registerLocalGit } = fromDecapServer("./dist/middlewares.js") as {
    registerLocalGit(app: RequestHandler, options: { logLevel: string }): Promise<void>;
  };
  const api = express();
  // Before decap-server's own handler: no draft is merged until `npm run check` passes.
  api.use(API_PATH, express.json({ limit: "50mb" }));
  api.post(API_PATH, checkBeforePublishing(where));
  // decap-server takes the repository and the one origin its API answers from the environment,
  // read as its middlewares are registered; they are set for that moment only.
  await withEnvironment({ GIT_REPO_DIRECTORY: where.repository, ORIGIN: origin }, () =>
    registerLocalGit(api, { logLevel: "warn" }),
  );
  return api;
}

async function withEnvironment<T>(values: Record<string, string>, run: () => Promise<T>): Promise<T> {
  const before = Object.fromEntries(Object.keys(values).map((name) => [name, process.env[name]]));
  Object.assign(process.env, values);
  try {
    return await run();
  } finally {
    for (const [name, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** The problems a request would bring to the published content: merging a draft, or deleting files. */
function problemsFrom(where: Place, body: ApiRequest["body"]): string[] {
  const { action, params } = body ?? {};
  if (action === "publishUnpublishedEntry" && params?.collection && params.slug)
    return problemsOnPublishing({ ...where, branch: `cms/${params.collection}/${params.slug}` });
  if (action === "deleteFile" && params?.path) return problemsOnDeleting(where, [params.path]);
  if (action === "deleteFiles" && params?.paths) return problemsOnDeleting(where, params.paths);
  return [];
}

function checkBeforePublishing(where: Place): Middleware {
  return (request, response, next) => {
    const problems = problemsFrom(where, request.body);
    if (problems.length === 0) return next();
    const count = problems.length === 1 ? "a problem" : `${problems.length} problems`;
    const them = problems.length === 1 ? "it" : "them";
    const error =
      request.body?.action === "publishUnpublishedEntry"
        ? `Not published: npm run check finds ${count} in this draft. Fix ${them}, save, and publish again.`
        : `Not deleted: without this file, npm run check would find ${count}. Fix ${them} first.`;
    response.status(422).json({ error: `${error} ${problems.join(" ")}` });
  };
}

function closeServer(server: Server, done: () => void): void {
  server.close(() => done());
  server.closeAllConnections();
}

function handler(
  origin: string,
  port: number,
  api: RequestHandler,
  adminFile: (name: string) => string | Buffer | undefined,
): RequestHandler {
  const admin = adminUrl();
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const origins = new Set([...hosts].map((host) => `http://${host}`));
  const adminHeaders = {
    ...SECURITY_HEADERS,
    "Content-Security-Policy": adminContentSecurityPolicy(),
    "Cache-Control": "no-store",
  };
  return (request, response) => {
    const path = new URL(request.url ?? "/", origin).pathname;
    const from = request.headers.origin;
    if (!hosts.has(request.headers.host ?? "") || (from !== undefined && !origins.has(from))) {
      response
        .writeHead(403, { "Content-Type": "text/plain; charset=utf-8" })
        .end("Only the content manager's own page may use this server.\n");
      return;
    }
    if (path === API_PATH && request.method === "POST") return api(request, response);
    if (path === "/" || `${path}/` === admin) {
      response.writeHead(302, { Location: admin }).end();
      return;
    }
    const name = path === admin ? "index.html" : path.startsWith(admin) ? path.slice(admin.length) : "";
    const body =
      name && !name.includes("/") && (request.method === "GET" || request.method === "HEAD")
        ? adminFile(name)
        : undefined;
    if (body === undefined) {
      response
        .writeHead(404, { "Content-Type": "text/plain; charset=utf-8" })
        .end(`Not found. The content manager is at ${admin}.\n`);
      return;
    }
    const type = CONTENT_TYPES[name.slice(name.lastIndexOf(".") + 1)] ?? "application/octet-stream";
    response
      .writeHead(200, { ...adminHeaders, "Content-Type": type })
      .end(request.method === "HEAD" ? undefined : body);
  };
}
