/**
 * `npm run cms`: the content manager on this computer, saving into this git repository.
 * Decap's `proxy` backend posts its actions here, and local-backend.ts answers them in
 * git's plumbing: drafts are branches (`cms/...`) made without touching the working tree,
 * and publishing commits a draft's files onto the branch. One address serves both the page
 * and the API, on 127.0.0.1 only. Any program or user of this computer can reach
 * 127.0.0.1, so nothing is trusted for being local:
 *
 * - Every API call and the configuration need the secret made at start, which only the
 *   page opened from the one-time link printed in the terminal holds (cms-session.ts).
 * - A request from another site, or through another host name (DNS rebinding), is refused.
 * - Before a request is answered, its size, its action and every path in it are checked:
 *   only the content folder's files and the media folder's pictures (cms-request.ts).
 *   Answers never carry a stack trace or a path on this computer.
 * - Before anything is published, saved straight to the branch, or deleted, `npm run check`
 *   runs on the content as it would be (publish-check.ts): the editor is told check's
 *   problems instead, and nothing is committed.
 * https://decapcms.org/docs/decap-proxy/
 *
 * It starts with changes of the editor's own in the repository, and never commits,
 * stashes, overwrites or loses them: publishing writes only the entry's own files, and
 * refuses when one of those has changes not committed (git-store.ts).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { join, relative, resolve } from "node:path";
import { foundText, problemText, type ContentProblem } from "../../content/problems.ts";
import { adminContentSecurityPolicy, SECURITY_HEADERS } from "../../render/security-headers.ts";
import { adminUrl, previewOrigin } from "../../render/urls.ts";
import { readSite } from "../../site.ts";
import { adminFiles, DECAP_DIST, decapFiles } from "./admin-files.ts";
import { editorChoices } from "./choices.ts";
import { createSession, type CmsSession } from "./cms-session.ts";
import { type Folders, readJsonBody, refusalOf, type Refusal } from "./cms-request.ts";
import { mediaFolder } from "./decap-config.ts";
import { GitStore } from "./git-store.ts";
import { draftBranch, LocalBackend, type ApiParams } from "./local-backend.ts";
import {
  changedOutside,
  OutsideTheCopy,
  withCommittedContent,
  problemsOnDeleting,
  problemsOnPublishing,
  problemsOnSaving,
  type Place,
} from "./publish-check.ts";

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
  /** A one-time link to open it with: the address with a token that gives the page the secret. */
  newLink(): string;
  /** The git repository's folder and the branch drafts are published into. */
  repository: string;
  branch: string;
  /** The changes not committed in the repository when it started, as `git status --short` shows them: never touched. */
  untouched: string[];
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

/** A request that cms-request.ts let through. */
interface ApiBody {
  action: string;
  params: ApiParams;
}

/** Loaded before Decap by the page this server serves (not the built /admin/): it keeps and sends the secret. */
const SESSION_SCRIPT = fileURLToPath(new URL("../../../layouts/admin/session.js", import.meta.url));

/** Where the API answers, beside the page: Decap's `proxy` backend posts to it. */
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

/** The repository and branch the CMS will save to; throws LocalCmsError when it may not. Changes not committed are no reason not to. */
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
  // The Site as the branch has it committed now: the content changes as drafts are published.
  const place = { repository, root, content: options.content, into: branch };
  const freshFiles = () => {
    const { problems, model, settings } = withCommittedContent(place, (project, content) => readSite(project, content));
    if (problems.length > 0)
      throw new LocalCmsError(
        `The content committed on ${branch} has problems, so the content manager cannot offer its choices. Fix them and commit first (npm run check lists them).`,
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
  const folders: Folders = { repository, content: contentFolder, media: mediaFolder(), branch };
  const backend = new LocalBackend(repository, branch, contentFolder);
  const api = answering(backend, place, folders);
  const session = createSession();
  const adminFile = (name: string): string | Buffer | undefined => {
    if (name === "config.yml") {
      try {
        lastGood = freshFiles();
      } catch {
        // Content broken while the CMS runs: keep offering the last choices that were right.
      }
    }
    if (name === "session.js") return readFileSync(SESSION_SCRIPT);
    if (lastGood.has(name)) return lastGood.get(name);
    return decapFiles().includes(name) ? readFileSync(join(DECAP_DIST, name)) : undefined;
  };
  server.on("request", handler({ origin, port, session, adminFile, api: apiGate(api, folders) }));
  return {
    url: `${origin}${adminUrl()}`,
    newLink: () => `${origin}${adminUrl()}?token=${session.newToken()}`,
    repository,
    branch,
    untouched: backend.store.everyUncommitted(),
    close: () => new Promise((done) => closeServer(server, done)),
  };
}

/**
 * The API: the check before publishing, then local-backend.ts. The body arrives read and
 * checked (apiGate). Anything thrown on the way is answered with a sentence, never a stack
 * trace, and said in the terminal.
 */
function answering(
  backend: LocalBackend,
  where: Place,
  folders: Folders,
): (body: ApiBody) => Refusal | { status: number; body: unknown } {
  return (body) => {
    const refused = checkBeforePublishing(where, folders, body);
    if (refused) return { status: 422, body: refused };
    try {
      return backend.answer(body.action, body.params);
    } catch (error) {
      console.error(
        `The content manager could not answer a request (${body.action}): ${(error as Error)?.message ?? String(error)}`,
      );
      return { status: 500, error: "The content manager could not do that." };
    }
  };
}

/**
 * The rest of a request that is refused is read and dropped, so that the client reads the
 * answer rather than a reset connection; past 64 MB, the connection is cut.
 */
function drain(request: IncomingMessage): void {
  let dropped = 0;
  request.on("data", (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > 64 * 1024 * 1024) request.destroy();
  });
  request.resume();
}

/** Sends a Refusal as Decap reads errors: JSON with `error`. */
function answer(response: ServerResponse, refusal: Refusal): void {
  response.writeHead(refusal.status, {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-store",
  });
  response.end(JSON.stringify({ error: refusal.error }));
}

/** The API behind its checks: the body read within bounds, the action and its paths allowed (cms-request.ts). */
function apiGate(api: ReturnType<typeof answering>, folders: Folders): RequestHandler {
  return (request, response) => {
    void readJsonBody(request).then((read) => {
      if ("status" in read) {
        drain(request);
        return answer(response, read);
      }
      let refusal: Refusal | undefined;
      try {
        refusal = refusalOf(read.body, folders);
      } catch (error) {
        console.error(`The content manager could not check a request: ${(error as Error).message}`);
        refusal = { status: 500, error: "The content manager could not check that request." };
      }
      if (refusal) {
        const action = (read.body as { action?: unknown } | null)?.action;
        console.error(
          `Refused a request${typeof action === "string" ? ` (${action.slice(0, 40)})` : ""}: ${refusal.error}`,
        );
        return answer(response, refusal);
      }
      const given = read.body as { action: string; params?: ApiParams };
      const answered = api({ action: given.action, params: given.params ?? {} });
      if ("error" in answered) return answer(response, answered);
      if (answered.status >= 400)
        console.error(`Not done (${given.action}): ${JSON.stringify(answered.body).slice(0, 400)}`);
      response.writeHead(answered.status, {
        "Content-Type": "application/json; charset=utf-8",
        "Cache-Control": "no-store",
      });
      response.end(JSON.stringify(answered.body));
    });
  };
}

/**
 * What saving straight to the branch (no draft) does to the content's files, as
 * local-backend.ts does it: each file written, or, when every one has a new path, written
 * there instead. (The backend keeps the file's own lines where they mean the same:
 * keep-format.ts; what is checked means the same.)
 */
function savedFiles(params: ApiBody["params"]): Map<string, string | undefined> {
  const files = params.dataFiles ?? (params.entry ? [params.entry] : []);
  const moved = files.length > 0 && files.every((file) => file.newPath !== undefined);
  const changes = new Map<string, string | undefined>();
  for (const file of files) {
    if (moved) changes.set(file.path, undefined);
    changes.set(moved ? file.newPath! : file.path, file.raw);
  }
  return changes;
}

/** A problem as the content manager's page shows it beside its field: check's own words. */
interface ShownProblem {
  file: string;
  line: number;
  field: string;
  message: string;
}

/** Why a request may not go on: a sentence, and check's problems one by one for the form. */
interface Refused {
  /** The whole of it, for any client: the sentence, then each problem with its file and field. */
  error: string;
  /** The sentence alone, for the form, which shows each problem beside its field. */
  summary: string;
  problems: ShownProblem[];
}

/** The sentence and the problems, or undefined when there are none. */
function told(problems: ContentProblem[], saying: (count: string, them: string) => string): Refused | undefined {
  if (problems.length === 0) return undefined;
  const count = problems.length === 1 ? "a problem" : `${problems.length} problems`;
  const shown = problems.map((problem) => ({
    file: problem.file,
    line: problem.line,
    field: problem.field,
    message: `${problemText(problem)}${foundText(problem)}`,
  }));
  const listed = shown.map(
    (problem) => `${problem.file}${problem.field ? ` (${problem.field})` : ""}: ${problem.message}`,
  );
  const summary = saying(count, problems.length === 1 ? "it" : "them");
  return { error: `${summary} ${listed.join(" ")}`, summary, problems: shown };
}

/**
 * An inspection naming an organisation that is still a draft is not published before it
 * (publishing both at once would publish a file the editor did not choose to): check's
 * "there is no organisation" said as what it is, with what to do.
 */
function organisationInDraft(problem: ContentProblem, folders: Folders): ContentProblem {
  const id = /^There is no organisation '([^']+)'/.exec(problem.message)?.[1];
  if (problem.field !== "organisation" || !id) return problem;
  const store = new GitStore(folders.repository, folders.branch);
  if (!store.tip(draftBranch("organisations", id))) return problem;
  return {
    ...problem,
    message: `The organisation '${id}' is a draft, not published yet.`,
    fix: "Publish it first (open it from the Workflow tab and publish it), then publish this inspection.",
  };
}

/** Why a request may not go on, in the editor's words, or undefined when it may. */
function problemsFrom(where: Place, folders: Folders, body: ApiBody): Refused | undefined {
  const { action, params } = body;
  if (action === "publishUnpublishedEntry") {
    const draft = { ...where, branch: draftBranch(params.collection!, params.slug!) };
    const outside = changedOutside(draft, [folders.content, folders.media]);
    if (outside.length > 0) {
      const error = `Not published: this draft changes files outside the content and media folders (${outside.slice(0, 5).join(", ")}).`;
      return { error, summary: error, problems: [] };
    }
    return told(
      problemsOnPublishing(draft).map((problem) => organisationInDraft(problem, folders)),
      (count, them) =>
        `Not published: npm run check finds ${count} in this draft. Fix ${them}, save, and publish again.`,
    );
  }
  if (action === "persistEntry" && params.options?.useWorkflow === false)
    return told(
      problemsOnSaving(where, savedFiles(params)),
      (count, them) => `Not saved: npm run check would find ${count} in the content. Fix ${them}, and save again.`,
    );
  const deleted = action === "deleteFile" ? [params.path!] : action === "deleteFiles" ? params.paths! : [];
  if (deleted.length === 0) return undefined;
  return told(
    problemsOnDeleting(where, deleted),
    (count, them) => `Not deleted: without this file, npm run check would find ${count}. Fix ${them} first.`,
  );
}

/** Why the request may not go on (check's problems, or why check could not run), or undefined when it may. */
function checkBeforePublishing(where: Place, folders: Folders, body: ApiBody): Refused | undefined {
  try {
    return problemsFrom(where, folders, body);
  } catch (thrown) {
    if (!(thrown instanceof OutsideTheCopy))
      console.error(`The check before saving failed: ${(thrown as Error).message}`);
    const error =
      thrown instanceof OutsideTheCopy
        ? `Refused: ${thrown.message}`
        : "Not done: npm run check could not run on the content as it would be.";
    return { error, summary: error, problems: [] };
  }
}

function closeServer(server: Server, done: () => void): void {
  server.close(() => done());
  server.closeAllConnections();
}

interface HandlerOptions {
  origin: string;
  port: number;
  session: CmsSession;
  api: RequestHandler;
  adminFile: (name: string) => string | Buffer | undefined;
}

const NO_SESSION =
  "This content manager answers only the page opened from the link npm run cms printed in its terminal. Open that link (press Enter in that terminal for a new one).";

function plain(response: ServerResponse, status: number, text: string): void {
  response
    .writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" })
    .end(`${text}\n`);
}

function handler({ origin, port, session, api, adminFile }: HandlerOptions): RequestHandler {
  const admin = adminUrl();
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const origins = new Set([...hosts].map((host) => `http://${host}`));
  const adminHeaders = {
    ...SECURITY_HEADERS,
    "Content-Security-Policy": adminContentSecurityPolicy(),
    "Cache-Control": "no-store",
  };
  return (request, response) => {
    const from = request.headers.origin;
    if (!hosts.has(request.headers.host ?? "") || (from !== undefined && !origins.has(from)))
      return plain(response, 403, "Only the content manager's own page may use this server.");
    let url: URL;
    try {
      url = new URL(request.url ?? "/", origin);
    } catch {
      return plain(response, 400, "That is not an address this server answers.");
    }
    const path = url.pathname;
    if (path === API_PATH) {
      if (request.method !== "POST") return plain(response, 405, "The content manager's API takes POST only.");
      if (!session.admits(request)) {
        drain(request);
        return answer(response, { status: 403, error: NO_SESSION });
      }
      return api(request, response);
    }
    if (path === "/" || `${path}/` === admin) {
      response.writeHead(302, { Location: admin }).end();
      return;
    }
    const name = path === admin ? "index.html" : path.startsWith(admin) ? path.slice(admin.length) : "";
    let body =
      name && !name.includes("/") && (request.method === "GET" || request.method === "HEAD")
        ? adminFile(name)
        : undefined;
    if (body === undefined) return plain(response, 404, `Not found. The content manager is at ${admin}.`);
    // The configuration describes the content: for the page that holds the secret only.
    if (name === "config.yml" && !session.admits(request)) return plain(response, 403, NO_SESSION);
    if (name === "index.html") body = withSession(String(body), session.redeem(url.searchParams.get("token")));
    const type = CONTENT_TYPES[name.slice(name.lastIndexOf(".") + 1)] ?? "application/octet-stream";
    response
      .writeHead(200, { ...adminHeaders, "Content-Type": type })
      .end(request.method === "HEAD" ? undefined : body);
  };
}

/** The page with session.js before Decap, and the secret when the link's token was live. */
function withSession(page: string, secret: string | undefined): string {
  const meta = secret ? `<meta name="cms-session" content="${secret}">\n` : "";
  return page.replace(
    '<script src="decap-cms.js">',
    `${meta}<script src="session.js"></script>\n<script src="decap-cms.js">`,
  );
}
