/**
 * Decap's `proxy` backend API (the actions decap-server answers in its git mode,
 * https://decapcms.org/docs/decap-proxy/), answered here in git's plumbing (git-store.ts)
 * so that the editor's own uncommitted work is never touched:
 *
 * - Files are read from the branch's latest commit (or a draft's), never from the disk.
 * - A draft is the branch `cms/<collection>/<slug>`: one commit on top of the branch,
 *   made again at each save with everything the draft changes. The working tree, the
 *   index and HEAD are not touched. A new draft is Ready (`pending_publish`), and a save
 *   keeps whatever status the draft has: publishing takes Save, then Publish.
 * - Publishing commits the draft's changes onto the branch as one commit; saving straight
 *   to the branch, uploading a picture and deleting do the same. When the branch is
 *   checked out, only those files are written into the working tree, and only when none
 *   of them has changes not committed.
 * - Deleting a published entry is a draft too (the file deleted on its branch), published
 *   like any change.
 *
 * What reaches this module has passed cms-request.ts (paths in the content and media
 * folders, the one branch) and, for what changes the branch, `npm run check`
 * (publish-check.ts), in local-cms.ts.
 */
import { createHash } from "node:crypto";
import { basename } from "node:path";
import { GitStore, LocalChanges, type Changes } from "./git-store.ts";
import { parse } from "yaml";
import { inspectionFileName, skippedByTheRule, unnumbered } from "../../content/file-names.ts";
import { mergeFrontMatter } from "./keep-format.ts";

export interface Answer {
  status: number;
  body: unknown;
}

interface DataFile {
  path: string;
  raw: string;
  newPath?: string;
}

export interface ApiParams {
  collection?: string;
  slug?: string;
  id?: string;
  path?: string;
  paths?: string[];
  folder?: string;
  extension?: string;
  depth?: number;
  files?: { path: string; label?: string }[];
  mediaFolder?: string;
  cmsLabelPrefix?: string;
  newStatus?: string;
  entry?: DataFile;
  dataFiles?: DataFile[];
  assets?: { path: string; content: string; encoding: string }[];
  asset?: { path: string; content: string; encoding: string };
  options?: { useWorkflow?: boolean; status?: string; commitMessage?: string; collectionName?: string };
}

const PREFIX = "cms/";
const LABEL_PREFIX = "decap-cms/";
/** What a new draft is: ready to publish. The editor may set it back to Draft or In review. */
const NEW_DRAFT_STATUS = "pending_publish";
const ENTRY_FILE = /\.(?:md|ya?ml)$/;

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const ok = (body: unknown): Answer => ({ status: 200, body });

/** The draft's branch for an entry. */
export const draftBranch = (collection: string, slug: string): string => `${PREFIX}${collection}/${slug}`;

export class LocalBackend {
  readonly store: GitStore;

  constructor(
    repository: string,
    branch: string,
    /** The content folder, relative to the repository: its folders are the collections. */
    readonly content: string,
  ) {
    this.store = new GitStore(repository, branch);
  }

  /** Answers one of Decap's actions. */
  answer(action: string, params: ApiParams): Answer {
    try {
      return this.act(action, params);
    } catch (error) {
      if (error instanceof LocalChanges) return { status: 409, body: { error: `Not done: ${error.message}` } };
      throw error;
    }
  }

  private get tip(): string {
    const tip = this.store.tip(this.store.branch);
    if (!tip) throw new Error(`There is no branch ${this.store.branch}.`);
    return tip;
  }

  private act(action: string, params: ApiParams): Answer {
    switch (action) {
      case "info":
        return ok({
          repo: basename(this.store.repository),
          publish_modes: ["simple", "editorial_workflow"],
          type: "local_git",
        });
      case "entriesByFolder": {
        const files = this.store
          .list(this.tip, params.folder!, params.depth!)
          .filter((path) => path.endsWith(params.extension!));
        return ok(
          this.entries(
            this.tip,
            files.map((path) => ({ path })),
          ),
        );
      }
      case "entriesByFiles":
        return ok(this.entries(this.tip, params.files!));
      case "getEntry": {
        const [entry] = this.entries(this.tip, [{ path: params.path! }]);
        // Decap numbers a taken name from -1: told that -1 is taken, it goes on to -2, as the rule does.
        return ok(entry!.data === null && this.skipped(params.path!) ? { ...entry, data: "---\n---\n" } : entry);
      }
      case "unpublishedEntries":
        return ok(this.store.branches(PREFIX).map((branch) => branch.slice(PREFIX.length)));
      case "organisations":
        return ok(this.organisations());
      case "unpublishedEntry":
        return this.unpublishedEntry(params);
      case "unpublishedEntryDataFile": {
        const draft = this.draftTip(params);
        // A draft that deletes the file shows it as it is published: publishing the draft deletes it.
        const bytes = draft
          ? (this.store.read(draft, params.path!) ?? this.store.read(this.tip, params.path!))
          : undefined;
        return ok({ data: bytes ? bytes.toString("utf8") : null });
      }
      case "unpublishedEntryMediaFile":
        return this.mediaFile(this.draftTip(params), params.path!);
      case "deleteUnpublishedEntry":
        this.forget(draftBranch(params.collection!, params.slug!));
        return ok({ message: "deleted the draft" });
      case "persistEntry":
        return this.persist(params);
      case "updateUnpublishedEntryStatus":
        this.setStatus(draftBranch(params.collection!, params.slug!), params.newStatus!, params.cmsLabelPrefix);
        return ok({ message: `status set to ${params.newStatus}` });
      case "publishUnpublishedEntry":
        return this.publish(params);
      default:
        return this.media(action, params);
    }
  }

  private media(action: string, params: ApiParams): Answer {
    switch (action) {
      case "getMedia": {
        const paths = this.store.list(this.tip, params.mediaFolder!, 1);
        const read = this.store.readMany(this.tip, paths);
        return ok([...read].map(([path, bytes]) => mediaOf(path, bytes)));
      }
      case "getMediaFile":
        return this.mediaFile(this.tip, params.path!);
      case "persistMedia": {
        const { path, content } = params.asset!;
        this.store.commitToBranch(new Map([[path, Buffer.from(content, "base64")]]), commitMessage(params));
        return this.mediaFile(this.tip, path);
      }
      case "deleteFile":
      case "deleteFiles":
        return this.deleteFiles(params);
      case "getDeployPreview":
        return ok(null);
      default:
        return { status: 422, body: { error: `Unknown action ${action}` } };
    }
  }

  private entries(commit: string, files: { path: string; label?: string }[]) {
    const read = this.store.readMany(
      commit,
      files.map((file) => file.path),
    );
    return files.map(({ path, label }) => {
      const bytes = read.get(path);
      return bytes
        ? { data: bytes.toString("utf8"), file: { path, label, id: sha256(bytes) } }
        : { data: null, file: { path, label, id: null } };
    });
  }

  /**
   * The organisations an inspection may name: those published, and those in drafts, said
   * to be drafts. Their kinds narrow the frameworks offered (appliesTo).
   */
  organisations(): OrganisationChoice[] {
    const folder = `${this.content}/organisations`;
    const published = this.store.list(this.tip, folder, 1).filter((path) => path.endsWith(".md"));
    const found = [...this.store.readMany(this.tip, published)].map(([path, bytes]) =>
      organisationOf(path, bytes, false),
    );
    const ids = new Set(found.map((organisation) => organisation.id));
    for (const branch of this.store.branches(`${PREFIX}organisations/`)) {
      for (const [path, bytes] of this.draftChanges(branch)) {
        if (!bytes || !path.startsWith(`${folder}/`) || !path.endsWith(".md")) continue;
        const organisation = organisationOf(path, bytes, true);
        if (!ids.has(organisation.id)) found.push(organisation);
      }
    }
    return found.sort((a, b) => a.name.localeCompare(b.name));
  }

  /**
   * Why a new inspection's file is not named by the rule every tool follows
   * (src/content/file-names.ts: the year and the kind, `inspection` for a kind not known,
   * `-2` for a name taken), or undefined when it is, or the file is not a new inspection.
   */
  private misnamed(file: DataFile): string | undefined {
    const folder = `${this.content}/inspections/`;
    if (!file.path.startsWith(folder) || this.store.read(this.tip, file.newPath ?? file.path)) return undefined;
    const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(file.raw)?.[1];
    const data = (front ? parse(front) : {}) as {
      visit?: { start?: unknown } | string;
      published?: unknown;
      kind?: unknown;
    };
    const day = typeof data.visit === "object" && data.visit ? data.visit.start : (data.visit ?? data.published);
    if (typeof day !== "string" || typeof data.kind !== "string") return undefined;
    const name = basename(file.newPath ?? file.path, ".md");
    const rule = inspectionFileName(day, data.kind);
    if (unnumbered(name) === rule) return undefined;
    return `Not saved: this inspection's file would be named ${name}.md, but the rule every tool follows names it ${rule}.md (docs/content-format.md, "File names").${data.kind === "unknown" ? " The form cannot name an inspection whose kind is not known: choose its kind." : ""}`;
  }

  /** Whether `path` is `name-1` of a name taken on the branch or by a draft (file-names.ts). */
  private skipped(path: string): boolean {
    const extension = ENTRY_FILE.exec(path)?.[0];
    if (!extension || !path.startsWith(`${this.content}/`)) return false;
    const taken = (name: string) => {
      const candidate = `${name}${extension}`;
      const { collection, slug } = this.entryOf(candidate);
      return (
        this.store.read(this.tip, candidate) !== undefined ||
        this.store.tip(draftBranch(collection, slug)) !== undefined
      );
    };
    return skippedByTheRule(path.slice(0, -extension.length), taken);
  }

  /** The collection and slug of an entry's file: its folder in the content, and its path there without the extension. */
  private entryOf(path: string): { collection: string; slug: string } {
    const [collection, ...rest] = path.slice(this.content.length + 1).split("/");
    return { collection: collection!, slug: rest.join("/").replace(ENTRY_FILE, "") };
  }

  private mediaFile(commit: string | undefined, path: string): Answer {
    const bytes = commit ? this.store.read(commit, path) : undefined;
    if (!bytes) return { status: 404, body: { error: `There is no file ${path}.` } };
    return ok(mediaOf(path, bytes));
  }

  private draftTip(params: ApiParams): string | undefined {
    return this.store.tip(draftBranch(params.collection!, params.slug!));
  }

  /** What a draft changes, as its branch has it: each file's new bytes, or undefined when the draft deletes it. */
  draftChanges(branch: string): Map<string, Buffer | undefined> {
    const tip = this.store.tip(branch);
    if (!tip) return new Map();
    const base = this.store.text(["merge-base", this.tip, tip]);
    const changed = this.store.changed(base, tip);
    const read = this.store.readMany(
      tip,
      changed.filter((file) => file.status !== "deleted").map((file) => file.path),
    );
    return new Map(changed.map((file) => [file.path, read.get(file.path)]));
  }

  private unpublishedEntry(params: ApiParams): Answer {
    const [collection, slug] = params.id
      ? [params.id.slice(0, params.id.indexOf("/")), params.id.slice(params.id.indexOf("/") + 1)]
      : [params.collection!, params.slug!];
    const branch = draftBranch(collection, slug);
    const tip = this.store.tip(branch);
    if (!tip) return { status: 404, body: { message: "Not Found" } };
    const base = this.store.text(["merge-base", this.tip, tip]);
    const diffs = this.store.changed(base, tip).map(({ path, status }) => ({
      oldPath: path,
      newPath: path,
      status,
      newFile: status === "added",
      path,
      id: path,
      binary: !ENTRY_FILE.test(path),
    }));
    return ok({
      collection,
      slug,
      status: this.status(branch, params.cmsLabelPrefix),
      diffs,
      updatedAt: this.store.text(["log", "-1", "--format=%cI", tip]),
    });
  }

  private status(branch: string, prefix: string | undefined): string {
    let label = "";
    try {
      label = this.store.text(["config", "--get", `branch.${branch}.description`]);
    } catch {
      return NEW_DRAFT_STATUS;
    }
    const start = prefix || LABEL_PREFIX;
    return label.startsWith(start) ? label.slice(start.length) : NEW_DRAFT_STATUS;
  }

  private setStatus(branch: string, status: string, prefix: string | undefined): void {
    this.store.git(["config", `branch.${branch}.description`, `${prefix || LABEL_PREFIX}${status}`]);
  }

  /** Deletes a draft's branch and its status. */
  private forget(branch: string): void {
    this.store.remove(branch);
    try {
      this.store.git(["config", "--remove-section", `branch.${branch}`]);
    } catch {
      // No status was kept.
    }
  }

  /** The entry's files as Decap sends them, merged into the files as they are (keep-format.ts), and its pictures. */
  private entryChanges(params: ApiParams, from: string): Map<string, Buffer | undefined> {
    const files = params.dataFiles ?? (params.entry ? [params.entry] : []);
    const moved = files.length > 0 && files.every((file) => file.newPath !== undefined);
    const changes = new Map<string, Buffer | undefined>();
    const existing = this.store.readMany(
      from,
      files.map((file) => file.path),
    );
    for (const file of files) {
      const before = existing.get(file.path)?.toString("utf8");
      const text = before === undefined ? file.raw : mergeFrontMatter(before, file.raw);
      // Only the entry's own file moves: never the other files of its folder.
      if (moved) changes.set(file.path, undefined);
      changes.set(moved ? file.newPath! : file.path, Buffer.from(text, "utf8"));
    }
    for (const asset of params.assets ?? []) changes.set(asset.path, Buffer.from(asset.content, "base64"));
    return changes;
  }

  private persist(params: ApiParams): Answer {
    const options = params.options!;
    const misnamed = (params.dataFiles ?? [params.entry!]).map((file) => this.misnamed(file)).find(Boolean);
    if (misnamed) return { status: 422, body: { error: misnamed } };
    if (!options.useWorkflow) {
      this.store.commitToBranch(this.entryChanges(params, this.tip), commitMessage(params));
      return ok({ message: "entry persisted" });
    }
    const files = params.dataFiles ?? [params.entry!];
    const branch = draftBranch(options.collectionName!, (files[0] as DataFile & { slug: string }).slug);
    const before = this.store.tip(branch);
    // Everything the draft changed before, its files as last saved (pictures as sent now), then this save's.
    const kept = [...this.draftChanges(branch)].filter(([path]) => ENTRY_FILE.test(path));
    const draftFrom = before ?? this.tip;
    const changes: Changes = new Map([...kept, ...this.entryChanges(params, draftFrom)]);
    const commit = this.store.commit(this.tip, changes, commitMessage(params), [this.tip]);
    this.store.move(branch, commit, before);
    if (!before) this.setStatus(branch, NEW_DRAFT_STATUS, params.cmsLabelPrefix);
    return ok({ message: "entry persisted" });
  }

  private publish(params: ApiParams): Answer {
    const branch = draftBranch(params.collection!, params.slug!);
    const tip = this.store.tip(branch);
    if (!tip) return { status: 404, body: { error: "There is no such draft." } };
    const message = this.store.text(["log", "-1", "--format=%B", tip]);
    this.store.commitToBranch(this.draftChanges(branch), message);
    this.forget(branch);
    return ok({ message: `${branch} published into ${this.store.branch}` });
  }

  /**
   * Deleting: a picture of the media folder is deleted on the branch; an entry's file is
   * deleted through a draft (its branch deletes it), published like any change.
   */
  private deleteFiles(params: ApiParams): Answer {
    const paths = params.paths ?? [params.path!];
    const entries = paths.filter((path) => path.startsWith(`${this.content}/`) && ENTRY_FILE.test(path));
    const others = paths.filter((path) => !entries.includes(path));
    const missing = paths.filter((path) => this.store.read(this.tip, path) === undefined);
    if (missing.length > 0)
      return { status: 404, body: { error: `There is no file ${missing.join(", ")} to delete.` } };
    if (others.length > 0)
      this.store.commitToBranch(new Map(others.map((path) => [path, undefined])), commitMessage(params));
    for (const path of entries) {
      const { collection, slug } = this.entryOf(path);
      const branch = draftBranch(collection, slug);
      const before = this.store.tip(branch);
      const kept = [...this.draftChanges(branch)].filter(([changed]) => changed !== path);
      const changes: Changes = new Map([...kept, [path, undefined]]);
      this.store.move(branch, this.store.commit(this.tip, changes, commitMessage(params), [this.tip]), before);
      if (!before) this.setStatus(branch, NEW_DRAFT_STATUS, params.cmsLabelPrefix);
    }
    return ok({
      message:
        entries.length > 0
          ? `a draft deletes ${entries.join(", ")}: publish it to delete`
          : `deleted ${paths.join(", ")}`,
    });
  }
}

export interface OrganisationChoice {
  id: string;
  name: string;
  kind: string;
  /** Saved as a draft, not published yet. */
  draft: boolean;
}

/** An organisation's id, name and kind from its file (its name and kind as written; the id when unreadable). */
function organisationOf(path: string, bytes: Buffer, draft: boolean): OrganisationChoice {
  const id = basename(path, ".md");
  let data: Record<string, unknown> = {};
  try {
    const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(bytes.toString("utf8"))?.[1];
    const parsed = front ? (parse(front) as unknown) : undefined;
    if (parsed && typeof parsed === "object") data = parsed as Record<string, unknown>;
  } catch {
    // A file that cannot be read is offered by its id: check says what is wrong with it.
  }
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  return { id, name: text(data.name) || id, kind: text(data.kind), draft };
}

function commitMessage(params: ApiParams): string {
  return params.options?.commitMessage || "A change made in the content manager";
}

function mediaOf(path: string, bytes: Buffer) {
  return { id: sha256(bytes), content: bytes.toString("base64"), encoding: "base64", path, name: basename(path) };
}
