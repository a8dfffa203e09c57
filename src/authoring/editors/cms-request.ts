/**
 * What `npm run cms` lets through to its API (local-backend.ts), decided before anything is
 * read, written, deleted or committed: a JSON body of bounded size, one of Decap's actions
 * with its parameters of the right types, the branch drafts are published into, and every path
 * inside the content folder (files Decap writes: .md, .yaml, .yml) or the media folder
 * (pictures and PDFs, directly in it), resolved on disk: no `..`, no `.git` or other
 * dotted name, no `%` (nothing is decoded, so nothing encoded can pass), no symbolic link
 * on the way, and no file that is not a plain file. The repository holds the code, its
 * settings and `.git/` too: none of it may be named.
 */
import { lstatSync, readdirSync, realpathSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import { isAbsolute, relative, resolve, sep } from "node:path";

/** Why a request is refused, as the HTTP status and a sentence for the editor. */
export interface Refusal {
  status: number;
  error: string;
}

export const LIMITS = {
  /** A request's body: a file or a picture, base64-encoded, with room to spare. */
  bytes: 10 * 1024 * 1024,
  /** Paths named in one request. */
  paths: 500,
  /** Characters in one path. */
  pathLength: 400,
  /** Characters in a commit message, a label or a name. */
  text: 2000,
  /** Seconds to send a request in. */
  seconds: 60,
} as const;

export interface Folders {
  /** The git repository's folder (absolute). */
  repository: string;
  /** The content and media folders, relative to the repository, with '/'. */
  content: string;
  media: string;
  /** The branch drafts are merged into: the only one a request may name. */
  branch: string;
}

const refuse = (status: number, error: string): Refusal => ({ status, error });

/** The request's JSON body, read to at most LIMITS.bytes; a Refusal when it is not one. */
export function readJsonBody(request: IncomingMessage): Promise<{ body: unknown } | Refusal> {
  const type = String(request.headers["content-type"] ?? "");
  if (!/^application\/json\s*(;|$)/i.test(type))
    return Promise.resolve(refuse(400, "The request must be JSON (Content-Type: application/json)."));
  const declared = Number(request.headers["content-length"] ?? 0);
  const tooLarge = refuse(413, `The request is larger than the content manager takes (${LIMITS.bytes} bytes).`);
  if (declared > LIMITS.bytes) return Promise.resolve(tooLarge);
  return new Promise((done) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => finish(refuse(408, "The request took too long to arrive.")), LIMITS.seconds * 1000);
    const finish = (answer: { body: unknown } | Refusal) => {
      clearTimeout(timer);
      request.removeAllListeners("data");
      done(answer);
    };
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > LIMITS.bytes) finish(tooLarge);
      else chunks.push(chunk);
    });
    request.once("error", () => finish(refuse(400, "The request was cut off.")));
    request.once("end", () => {
      if (size > LIMITS.bytes) return;
      try {
        finish({ body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown });
      } catch {
        finish(refuse(400, "The request is not valid JSON."));
      }
    });
  });
}

/** How each value of a request is checked. */
type Kind =
  | "branch"
  | "entry"
  | "media"
  | "file"
  | "folder"
  | "mediaFolder"
  | "collection"
  | "slug"
  | "id"
  | "status"
  | "prefix"
  | "text"
  | "body"
  | "base64"
  | "extension"
  | "depth"
  | "flag";
/** A value's kind, a list of them (`[spec]`), or an object's fields; a name ending in `?` may be left out. */
type Spec = Kind | [Spec] | { [name: string]: Spec };

const COMMIT = { commitMessage: "text" } as const;
const DATA_FILE = { slug: "slug", path: "entry", raw: "body", "newPath?": "entry" } as const;
const ASSET = { path: "media", content: "body", encoding: "base64" } as const;
const DRAFT = { collection: "collection", slug: "slug" } as const;

/** Decap's actions (decap-server's own list, and one of ours), and what each may carry besides `branch`. */
const ACTIONS: Record<string, Record<string, Spec> | null> = {
  info: null,
  entriesByFolder: { folder: "folder", extension: "extension", depth: "depth" },
  entriesByFiles: { files: [{ path: "entry", "label?": "text" }] },
  getEntry: { path: "entry" },
  unpublishedEntries: {},
  // Ours: the organisations an inspection may name, published and in drafts (local-backend.ts).
  organisations: {},
  unpublishedEntry: { "id?": "id", "collection?": "collection", "slug?": "slug", "cmsLabelPrefix?": "prefix" },
  unpublishedEntryDataFile: { ...DRAFT, id: "id", path: "entry" },
  // Decap reads the files beside an entry as its media too (getMedia below).
  unpublishedEntryMediaFile: { ...DRAFT, id: "id", path: "file" },
  deleteUnpublishedEntry: DRAFT,
  persistEntry: {
    "cmsLabelPrefix?": "prefix",
    "entry?": DATA_FILE,
    "dataFiles?": [DATA_FILE],
    assets: [ASSET],
    options: {
      "collectionName?": "collection",
      ...COMMIT,
      useWorkflow: "flag",
      status: "status",
      "hasSubfolders?": "flag",
    },
  },
  updateUnpublishedEntryStatus: { ...DRAFT, newStatus: "status", "cmsLabelPrefix?": "prefix" },
  publishUnpublishedEntry: DRAFT,
  getMedia: { mediaFolder: "mediaFolder" },
  getMediaFile: { path: "file" },
  persistMedia: { asset: ASSET, options: COMMIT },
  deleteFile: { path: "file", options: COMMIT },
  deleteFiles: { paths: ["file"], options: COMMIT },
  getDeployPreview: DRAFT,
};

const ENTRY_FILE = /\.(?:md|ya?ml)$/;
const MEDIA_FILE = /\.(?:png|jpe?g|gif|webp|avif|pdf)$/i;
const SLUG = /^[A-Za-z0-9][A-Za-z0-9._-]*(?:\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;
const COLLECTION = /^[a-z0-9][a-z0-9-]*$/;

/** Why `value` cannot be a path Decap may use, on its face; undefined when it could be. */
function pathShape(value: string): string | undefined {
  if (value.length === 0 || value.length > LIMITS.pathLength) return "is empty or too long";
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\%]/.test(value)) return "holds a '\\', a '%' or a control character";
  const parts = value.split("/");
  if (parts.some((part) => part === "" || part.startsWith(".")))
    return "is not a plain path inside the repository (it starts with '/', or has '//', '.', '..' or a name starting with '.')";
  return undefined;
}

/** Why `value` is not of `kind` (a sentence's end), or undefined; paths are gathered into `paths`. */
function kindProblem(kind: Kind, value: unknown, folders: Folders, paths: string[]): string | undefined {
  const text = typeof value === "string" ? value : undefined;
  const inside = (folder: string) => text !== undefined && (text === folder || text.startsWith(`${folder}/`));
  switch (kind) {
    case "flag":
      return typeof value === "boolean" ? undefined : "must be true or false";
    case "depth":
      return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 20
        ? undefined
        : "must be a whole number from 1 to 20";
    case "body":
      return text !== undefined ? undefined : "must be text";
    case "base64":
      return value === "base64" ? undefined : "must be 'base64'";
    case "extension":
      return text !== undefined && /^\.?(?:md|ya?ml)$/.test(text) ? undefined : "must be md, yaml or yml";
    case "branch":
      return value === folders.branch
        ? undefined
        : `must be the branch the content manager saves to (${folders.branch})`;
    case "status":
      return ["draft", "pending_review", "pending_publish"].includes(text ?? "")
        ? undefined
        : "is not a status Decap uses";
    case "prefix":
      return text !== undefined && /^[A-Za-z0-9_/-]{0,40}$/.test(text) ? undefined : "is not a label prefix";
    case "text":
      // eslint-disable-next-line no-control-regex
      return text !== undefined && text.length <= LIMITS.text && !/\u0000/.test(text)
        ? undefined
        : "must be short text";
    case "collection":
      return text !== undefined && text.length <= 100 && COLLECTION.test(text)
        ? undefined
        : "is not a collection's name";
    case "slug":
    case "id":
      return text !== undefined && text.length <= LIMITS.pathLength && SLUG.test(text) ? undefined : `is not a ${kind}`;
    default:
      break;
  }
  if (text === undefined) return "must be a path";
  const shape = pathShape(text);
  if (shape) return shape;
  const isEntry = inside(folders.content) && text !== folders.content && ENTRY_FILE.test(text);
  const isMedia = text.slice(0, text.lastIndexOf("/")) === folders.media && MEDIA_FILE.test(text);
  const fits = {
    entry: isEntry,
    media: isMedia,
    file: isEntry || isMedia,
    folder: inside(folders.content),
    // Decap asks for the pictures beside an entry too: the entry's folder in the content.
    mediaFolder: text === folders.media || inside(folders.content),
  }[kind];
  if (!fits) return `(${JSON.stringify(text.slice(0, 80))}) is outside ${PLACES[kind](folders)}`;
  // A folder whose files the media library reads, each: marked to be looked into.
  paths.push(kind === "mediaFolder" ? `${text}/` : text);
  return undefined;
}

const PLACES: Record<string, (folders: Folders) => string> = {
  entry: (f) => `the content folder's .md and .yaml files (${f.content}/)`,
  media: (f) => `the media folder's pictures and PDFs (${f.media}/)`,
  file: (f) => `the content folder (${f.content}/) and the media folder (${f.media}/)`,
  folder: (f) => `the content folder (${f.content}/)`,
  mediaFolder: (f) => `the media folder (${f.media}) and the content folder (${f.content}/)`,
};

/** Checks `value` against `spec`; the first problem as "params.x.y must ...", or undefined. */
function specProblem(spec: Spec, value: unknown, where: string, folders: Folders, paths: string[]): string | undefined {
  if (typeof spec === "string") {
    const problem = kindProblem(spec, value, folders, paths);
    return problem && `${where} ${problem}.`;
  }
  if (Array.isArray(spec)) {
    if (!Array.isArray(value)) return `${where} must be a list.`;
    if (value.length > LIMITS.paths) return `${where} has more than ${LIMITS.paths} items.`;
    for (const [index, item] of value.entries()) {
      const problem = specProblem(spec[0], item, `${where}[${index}]`, folders, paths);
      if (problem) return problem;
    }
    return undefined;
  }
  if (!isObject(value)) return `${where} must be an object.`;
  for (const [key, inner] of Object.entries(spec)) {
    const name = key.replace(/\?$/, "");
    if (!Object.hasOwn(value, name) || value[name] === undefined) {
      if (key.endsWith("?")) continue;
      return `${where}.${name} is missing.`;
    }
    const problem = specProblem(inner, value[name], `${where}.${name}`, folders, paths);
    if (problem) return problem;
  }
  return undefined;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Why a request's body may not go on to the API, or undefined when it may. */
export function refusalOf(body: unknown, folders: Folders): Refusal | undefined {
  if (!isObject(body) || typeof body.action !== "string" || !Object.hasOwn(ACTIONS, body.action))
    return refuse(400, "The request is not one of Decap's actions.");
  const spec = ACTIONS[body.action]!;
  if (spec === null) return undefined;
  const paths: string[] = [];
  const problem = specProblem({ branch: "branch", ...spec }, body.params, "params", folders, paths);
  if (problem?.endsWith(`more than ${LIMITS.paths} items.`)) return refuse(413, `Too much at once: ${problem}`);
  if (problem) return refuse(problem.includes(" is outside ") ? 403 : 400, `Refused: ${problem}`);
  if (paths.length > LIMITS.paths) return refuse(413, `Too much at once: more than ${LIMITS.paths} paths.`);
  const params = body.params as Record<string, unknown>;
  if (body.action === "persistEntry" && !isObject(params.entry) === !Array.isArray(params.dataFiles))
    return refuse(400, "Refused: params must have either entry or dataFiles.");
  if (body.action === "persistEntry" && renamesFolders(params))
    return refuse(
      400,
      "Refused: moving a published entry's whole folder is done through a draft (useWorkflow), whose publishing is checked.",
    );
  for (const path of paths) {
    const listed = path.endsWith("/");
    const onDisk = diskProblem(listed ? path.slice(0, -1) : path, folders, listed);
    if (onDisk) return refuse(403, `Refused: ${path} ${onDisk}.`);
  }
  return undefined;
}

/**
 * Saving straight to the branch (no draft) while moving the entry (decap-server moved every
 * file in its folder with it; local-backend.ts moves the entry's own file only): done
 * through a draft instead.
 */
function renamesFolders(params: Record<string, unknown>): boolean {
  const options = params.options as { useWorkflow: boolean; hasSubfolders?: boolean };
  const files = (Array.isArray(params.dataFiles) ? params.dataFiles : [params.entry]) as { newPath?: string }[];
  return !options.useWorkflow && options.hasSubfolders !== false && files.every((file) => file.newPath !== undefined);
}

/**
 * Why a path that looks right cannot be used on disk: its folder (content or media) is
 * not inside the repository, or on the way to it inside that folder there is a symbolic
 * link or something that is not a folder, or it names something that is not a plain file.
 */
function diskProblem(path: string, folders: Folders, listed: boolean): string | undefined {
  const base = path === folders.media || path.startsWith(`${folders.media}/`) ? folders.media : folders.content;
  const repository = realpathSync(folders.repository);
  if (!within(repository, nearestReal(resolve(folders.repository, base))))
    return `is in ${base}, which leads outside the repository`;
  const parts = path
    .slice(base.length + 1)
    .split("/")
    .filter(Boolean);
  let current = resolve(folders.repository, base);
  for (const [index, part] of parts.entries()) {
    current = resolve(current, part);
    let stats;
    try {
      stats = lstatSync(current);
    } catch {
      return undefined;
    }
    if (stats.isSymbolicLink()) return "goes through a symbolic link";
    const last = index === parts.length - 1;
    if (!last && !stats.isDirectory()) return "goes through something that is not a folder";
    if (last && !stats.isFile() && !stats.isDirectory()) return "is not a plain file";
  }
  return listed ? linkInFolder(resolve(folders.repository, path)) : undefined;
}

/** The media library lists the folder's files and reads each: none may be a link. */
function linkInFolder(folder: string): string | undefined {
  let names: string[] = [];
  try {
    names = readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isSymbolicLink())
      .map((entry) => entry.name);
  } catch {
    return undefined;
  }
  return names.length > 0 ? `holds a symbolic link (${names.slice(0, 3).join(", ")}): remove it` : undefined;
}

/** The real path of `path`, or of its nearest folder that exists. */
function nearestReal(path: string): string {
  for (let at = path; ; at = resolve(at, "..")) {
    try {
      return realpathSync(at);
    } catch {
      if (resolve(at, "..") === at) return at;
    }
  }
}

const within = (folder: string, path: string) => {
  const inside = relative(folder, path);
  return inside === "" || (!inside.startsWith(`..${sep}`) && inside !== ".." && !isAbsolute(inside));
};
