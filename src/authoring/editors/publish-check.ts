/**
 * `npm run check` before the local content manager publishes a draft or deletes a published
 * file: the content as the branch has it committed, once the draft's changes are made (or the file gone),
 * checked by the check's own entry point (runCheck in src/content/index.ts: site.yaml, the
 * content, and dates after today), so a rule added to the check applies here too. A draft may be saved with problems (it is work in
 * progress); it is published, and a file deleted, only without new ones. On GitHub, GitLab or Bitbucket the pull request's check does the same
 * (.github/workflows/check.yml).
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { runCheck } from "../../content/index.ts";
import { formatProblem, type ContentProblem } from "../../content/problems.ts";

export interface Draft {
  /** The git repository's folder. */
  repository: string;
  /** The project folder and its content folder (relative to it), as `npm run check` takes them. */
  root: string;
  content: string;
  /** The branch the draft would be merged into, and the draft's own. */
  into: string;
  branch: string;
}

const git = (repository: string, args: string[]) =>
  execFileSync("git", args, {
    cwd: repository,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });

/** Where the content is, in the project and in the repository. */
export type Place = Omit<Draft, "branch">;

/**
 * The problems the draft would bring, as `npm run check` finds and words them (each one's
 * `file` from the repository's folder); none when it may be published.
 */
export function problemsOnPublishing(draft: Draft): ContentProblem[] {
  const inRepository = contentInRepository(draft);
  const changed = git(draft.repository, ["diff", "--name-only", `${draft.into}...${draft.branch}`])
    .split("\n")
    .filter((path) => path.startsWith(`${inRepository}/`));
  return problemsAfter(draft, new Map(changed.map((path) => [path, showOrNothing(draft, path)])));
}

/** The problems deleting these files (by path in the repository) would bring. */
export function problemsOnDeleting(place: Place, paths: readonly string[]): ContentProblem[] {
  return problemsAfter(place, new Map(paths.map((path) => [path, undefined])));
}

/** The problems writing these files (by path in the repository: new text, or undefined to delete) would bring. */
export function problemsOnSaving(place: Place, changes: ReadonlyMap<string, string | undefined>): ContentProblem[] {
  return problemsAfter(
    place,
    new Map([...changes].map(([path, text]) => [path, text === undefined ? undefined : Buffer.from(text)])),
  );
}

/** The files a draft changes (by path in the repository) outside the given folders. */
export function changedOutside(draft: Draft, folders: readonly string[]): string[] {
  return git(draft.repository, ["diff", "--name-only", `${draft.into}...${draft.branch}`])
    .split("\n")
    .filter((path) => path !== "" && !folders.some((folder) => path.startsWith(`${folder}/`)));
}

/** Thrown for a path that would leave the copy of the content: nothing has been touched. */
export class OutsideTheCopy extends Error {
  constructor(readonly path: string) {
    super(`${path} is not a path inside the content folder.`);
    this.name = "OutsideTheCopy";
  }
}

function contentInRepository(place: Place): string {
  return relative(place.repository, resolve(place.root, place.content)).split(sep).join("/");
}

/**
 * New problems once the content's files are as `changes` says (by path in the
 * repository: new bytes, or undefined for deleted), checked in a copy of the content as
 * the branch has it committed: changes of the editor's own that are not committed are
 * neither published nor checked.
 */
function problemsAfter(place: Place, changes: Map<string, Buffer | undefined>): ContentProblem[] {
  const inRepository = contentInRepository(place);
  const relevant = [...changes].filter(([path]) => path.startsWith(`${inRepository}/`));
  if (relevant.length === 0) return [];
  // Every path checked before anything is copied, written or deleted.
  const inside = relevant.map(([path, bytes]) => [insideContent(path.slice(inRepository.length + 1)), bytes] as const);
  const fromProject = relative(place.repository, place.root).split(sep).join("/");
  const contentHere = relative(place.root, resolve(place.root, place.content));
  const work = mkdtempSync(join(tmpdir(), "explainers-publish-"));
  try {
    const project = join(work, "copy", fromProject);
    committedContent(place, join(work, "copy"), join(work, "index"));
    const before = new Set(runCheck(project, contentHere, { notices: false }).problems.map(formatProblem));
    for (const [path, bytes] of inside) {
      const target = targetInCopy(join(project, contentHere), path);
      rmSync(target, { force: true });
      if (bytes === undefined) continue;
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, bytes);
    }
    return runCheck(project, contentHere, { notices: false })
      .problems.filter((problem) => !before.has(formatProblem(problem)))
      .map((problem) => ({ ...problem, file: join(fromProject, problem.file).split(sep).join("/") }));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * `read(project, content)` run on a temporary copy of the content and site.yaml as the
 * branch has them committed (the project folder and its content folder in the copy), the
 * copy removed afterwards: what the content manager offers is what is published, not the
 * editor's changes not committed.
 */
export function withCommittedContent<T>(place: Place, read: (project: string, content: string) => T): T {
  const fromProject = relative(place.repository, place.root).split(sep).join("/");
  const work = mkdtempSync(join(tmpdir(), "explainers-committed-"));
  try {
    committedContent(place, join(work, "copy"), join(work, "index"));
    return read(join(work, "copy", fromProject), relative(place.root, resolve(place.root, place.content)));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The content folder and site.yaml as the branch has them committed, written under `copy`
 * as they are in the repository (through a temporary index: the repository's own index and
 * working tree are not touched). A site.yaml never committed is taken from the disk.
 */
function committedContent(place: Place, copy: string, index: string): void {
  const inRepository = contentInRepository(place);
  const settings = relative(place.repository, join(place.root, "site.yaml")).split(sep).join("/");
  const inIndex = {
    cwd: place.repository,
    env: { ...process.env, GIT_INDEX_FILE: index },
    maxBuffer: 256 * 1024 * 1024,
  };
  // The branch's files in a temporary index, then those of the content and site.yaml written
  // under `copy` (checkout-index: no hook runs, nothing else is touched).
  execFileSync("git", ["read-tree", place.into], { ...inIndex, stdio: ["ignore", "pipe", "pipe"] });
  const listed = execFileSync("git", ["ls-files", "-z", "--", `${inRepository}/`, settings], inIndex).toString("utf8");
  mkdirSync(copy, { recursive: true });
  if (listed.length > 0)
    execFileSync("git", ["checkout-index", "-z", "--stdin", `--prefix=${copy}/`], { ...inIndex, input: listed });
  if (!listed.split("\0").includes(settings) && existsSync(join(place.root, "site.yaml"))) {
    mkdirSync(dirname(join(copy, settings)), { recursive: true });
    cpSync(join(place.root, "site.yaml"), join(copy, settings));
  }
  mkdirSync(join(copy, inRepository), { recursive: true });
}

/** `path` (relative to the content folder, with '/') when it is a plain path inside it; throws OutsideTheCopy otherwise. */
function insideContent(path: string): string {
  const parts = path.split("/");
  // eslint-disable-next-line no-control-regex
  if (/[\u0000\\]/.test(path) || parts.some((part) => part === "" || part === "." || part === ".."))
    throw new OutsideTheCopy(path);
  return path;
}

/**
 * Where `path` is in the copy, once no folder on the way there is a symbolic link (a
 * link copied from the content could lead out of the copy); throws OutsideTheCopy.
 */
function targetInCopy(copy: string, path: string): string {
  let at = copy;
  for (const part of path.split("/").slice(0, -1)) {
    at = join(at, part);
    try {
      if (!lstatSync(at).isDirectory()) throw new OutsideTheCopy(path);
    } catch (error) {
      if (error instanceof OutsideTheCopy) throw error;
      break;
    }
  }
  const target = join(copy, path);
  if (relative(copy, target).startsWith("..")) throw new OutsideTheCopy(path);
  return target;
}

/** The file as the draft has it, or undefined when the draft deletes it. */
function showOrNothing(draft: Draft, path: string): Buffer | undefined {
  try {
    return execFileSync("git", ["show", `${draft.branch}:${path}`], {
      cwd: draft.repository,
      stdio: ["ignore", "pipe", "ignore"],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch {
    return undefined;
  }
}
