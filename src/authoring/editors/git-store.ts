/**
 * The git side of `npm run cms`, in git's plumbing, so that the editor's own work in the
 * repository is never touched: files are read from commits (never from the working tree),
 * drafts are commits made in a temporary index (GIT_INDEX_FILE: hash-object, write-tree,
 * commit-tree) and branches moved with update-ref, none of which reads or writes the
 * working tree, the index or HEAD. Only publishing to the branch that is checked out
 * touches the working tree: it writes the entry's own files there, and the index's entries
 * for those files alone, and refuses first when any of them has changes not committed.
 * Nothing is ever staged, stashed, checked out or committed with `git add .`.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A file's new bytes, or undefined for a file deleted. */
export type Changes = ReadonlyMap<string, Buffer | undefined>;

/** Why a change would touch the editor's own uncommitted work: nothing has been done. */
export class LocalChanges extends Error {
  constructor(readonly paths: readonly string[]) {
    super(
      `${paths.join(", ")} ${paths.length === 1 ? "has" : "have"} changes of yours that are not committed. The content manager never overwrites them: commit or undo ${paths.length === 1 ? "it" : "them"} in your repository, then try again.`,
    );
    this.name = "LocalChanges";
  }
}

const NO_COMMIT = "0".repeat(40);
const BIG = 256 * 1024 * 1024;

export class GitStore {
  constructor(
    readonly repository: string,
    /** The branch drafts are made from and published into. */
    readonly branch: string,
  ) {}

  git(args: string[], options: { input?: string | Buffer; env?: NodeJS.ProcessEnv } = {}): Buffer {
    return execFileSync("git", args, {
      cwd: this.repository,
      input: options.input,
      env: options.env ? { ...process.env, ...options.env } : process.env,
      stdio: ["pipe", "pipe", "pipe"],
      maxBuffer: BIG,
    });
  }

  text(args: string[], options: { input?: string | Buffer; env?: NodeJS.ProcessEnv } = {}): string {
    return this.git(args, options).toString("utf8").trim();
  }

  /** The commit a branch points at, or undefined when there is no such branch. */
  tip(branch: string): string | undefined {
    try {
      return this.text(["rev-parse", "--verify", "-q", `refs/heads/${branch}^{commit}`]) || undefined;
    } catch {
      return undefined;
    }
  }

  /** The branches whose names start with `prefix` (like `cms/`), without refs/heads/. */
  branches(prefix: string): string[] {
    return this.text(["for-each-ref", "--format=%(refname:lstrip=2)", `refs/heads/${prefix}`])
      .split("\n")
      .filter(Boolean);
  }

  /** A file's bytes in a commit, or undefined when it has no such file. */
  read(commit: string, path: string): Buffer | undefined {
    return this.readMany(commit, [path]).get(path);
  }

  /** Files' bytes in a commit, read in one go (`git cat-file --batch`); a path with no file is left out. */
  readMany(commit: string, paths: readonly string[]): Map<string, Buffer> {
    const files = new Map<string, Buffer>();
    if (paths.length === 0) return files;
    const output = this.git(["cat-file", "--batch"], { input: paths.map((path) => `${commit}:${path}\n`).join("") });
    let at = 0;
    for (const path of paths) {
      const end = output.indexOf(10, at);
      const header = output.subarray(at, end).toString("utf8").split(" ");
      at = end + 1;
      if (header[header.length - 1] === "missing" || header.length !== 3) continue;
      const size = Number(header[2]);
      if (header[1] === "blob") files.set(path, output.subarray(at, at + size));
      at += size + 1;
    }
    return files;
  }

  /** The plain files under `folder` in a commit, at most `depth` folders down (1: directly in it). */
  list(commit: string, folder: string, depth: number): string[] {
    const listed = this.git(["ls-tree", "-r", "-z", commit, "--", `${folder}/`])
      .toString("utf8")
      .split("\0")
      .filter(Boolean);
    return listed.flatMap((line) => {
      const [info, path] = [line.slice(0, line.indexOf("\t")), line.slice(line.indexOf("\t") + 1)];
      const inside = path.slice(folder.length + 1).split("/").length;
      return info.startsWith("100") && path.startsWith(`${folder}/`) && inside <= depth ? [path] : [];
    });
  }

  /** The files that differ between two commits, as git names them (renames not followed). */
  changed(from: string, to: string): { path: string; status: "added" | "modified" | "deleted" }[] {
    const fields = this.text(["diff", "--name-status", "--no-renames", "-z", from, to]).split("\0");
    const files: { path: string; status: "added" | "modified" | "deleted" }[] = [];
    for (let at = 0; at + 1 < fields.length; at += 2) {
      const letter = fields[at]!;
      files.push({ path: fields[at + 1]!, status: letter === "A" ? "added" : letter === "D" ? "deleted" : "modified" });
    }
    return files;
  }

  /** A new commit: `base`'s files with `changes` made, on `parents`; nothing but git's objects is written. */
  commit(base: string, changes: Changes, message: string, parents: string[]): string {
    const work = mkdtempSync(join(tmpdir(), "explainers-index-"));
    const env = { GIT_INDEX_FILE: join(work, "index") };
    try {
      this.git(["read-tree", base], { env });
      const lines = [...changes].map(([path, bytes]) =>
        bytes === undefined
          ? `0 ${NO_COMMIT}\t${path}`
          : `100644 ${this.text(["hash-object", "-w", "--stdin"], { input: bytes })}\t${path}`,
      );
      if (lines.length > 0) this.git(["update-index", "-z", "--index-info"], { input: `${lines.join("\0")}\0`, env });
      const tree = this.text(["write-tree"], { env });
      return this.text(["commit-tree", tree, ...parents.flatMap((parent) => ["-p", parent]), "-F", "-"], {
        input: message,
      });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }

  /** Moves (or makes) a branch to `commit`, only if it is still at `expected` (undefined: does not exist yet). */
  move(branch: string, commit: string, expected: string | undefined): void {
    this.git(["update-ref", "-m", "npm run cms", `refs/heads/${branch}`, commit, expected ?? NO_COMMIT]);
  }

  remove(branch: string): void {
    const tip = this.tip(branch);
    if (tip) this.git(["update-ref", "-d", `refs/heads/${branch}`, tip]);
  }

  /** True when the branch is the one checked out here, whose files are in the working tree. */
  checkedOut(branch: string): boolean {
    try {
      return this.text(["symbolic-ref", "-q", "HEAD"]) === `refs/heads/${branch}`;
    } catch {
      return false;
    }
  }

  /** Of `paths`, those with changes not committed (in the working tree or the index), untracked or ignored files included. */
  uncommitted(paths: readonly string[]): string[] {
    if (paths.length === 0) return [];
    // Not trimmed: each entry starts with its two status letters, the first often a space.
    const listed = this.git([
      "status",
      "--porcelain=v1",
      "-z",
      "--ignored",
      "--untracked-files=all",
      "--no-renames",
      "--",
      ...paths,
    ]).toString("utf8");
    return listed
      .split("\0")
      .filter(Boolean)
      .map((line) => line.slice(3));
  }

  /** Every change not committed in the repository, as `git status --short` shows them. */
  everyUncommitted(): string[] {
    return this.git(["status", "--porcelain=v1", "--untracked-files=normal"])
      .toString("utf8")
      .split("\n")
      .filter(Boolean);
  }

  /**
   * Commits `changes` onto the branch. When the branch is checked out, its files in the
   * working tree and the index's entries for them are brought along, after making sure none
   * of them has changes of the editor's own (LocalChanges, and nothing done, when one has).
   */
  commitToBranch(changes: Changes, message: string): string {
    const tip = this.tip(this.branch);
    if (!tip) throw new Error(`There is no branch ${this.branch}.`);
    const here = this.checkedOut(this.branch);
    const paths = [...changes.keys()];
    if (here) {
      const mine = this.uncommitted(paths);
      if (mine.length > 0) throw new LocalChanges(mine);
    }
    const commit = this.commit(tip, changes, message, [tip]);
    this.move(this.branch, commit, tip);
    if (here) this.bringWorkingTree(changes);
    return commit;
  }

  /** Writes the changed files into the working tree and updates the index for those paths alone. */
  private bringWorkingTree(changes: Changes): void {
    for (const [path, bytes] of changes) {
      const file = join(this.repository, path);
      if (bytes === undefined) {
        try {
          unlinkSync(file);
        } catch {
          // Already gone.
        }
        continue;
      }
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, bytes);
    }
    this.git(["update-index", "--add", "--remove", "-z", "--stdin"], { input: `${[...changes.keys()].join("\0")}\0` });
  }
}
