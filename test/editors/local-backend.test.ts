/**
 * The content manager's git side (src/authoring/editors/local-backend.ts, git-store.ts),
 * called as Decap's proxy backend calls it, in a repository with changes of the editor's
 * own not committed: drafts never touch the working tree or the index; publishing writes
 * only the entry's own files, and refuses while one of them has changes of the editor's;
 * deleting is a draft; a new draft is Ready and keeps its status; one naming rule.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { freeFileName, skippedByTheRule, unnumbered } from "../../src/content/file-names.ts";
import { LocalBackend, type ApiParams, type OrganisationChoice } from "../../src/authoring/editors/local-backend.ts";
import { startLocalCms } from "../../src/authoring/editors/local-cms.ts";
import { projectRoot } from "../browser/support.ts";

const IDENTITY = {
  GIT_AUTHOR_NAME: "CMS Test",
  GIT_AUTHOR_EMAIL: "cms@example.org",
  GIT_COMMITTER_NAME: "CMS Test",
  GIT_COMMITTER_EMAIL: "cms@example.org",
};
const backendSuite = suite("the content manager's git side leaves the editor's own work alone");

let project = "";
let backend: LocalBackend;
const saved: Record<string, string | undefined> = {};

function git(args: string[]): string {
  const result = spawnSync("git", args, { cwd: project, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${result.stderr}`);
  return result.stdout;
}

const EDITED = "content/organisations/oxfordshire.md";
const INSPECTION = "content/inspections/oxfordshire/2024-standard-inspection.md";

backendSuite.before(() => {
  for (const [name, value] of Object.entries(IDENTITY)) {
    saved[name] = process.env[name];
    process.env[name] = value;
  }
  project = mkdtempSync(join(tmpdir(), "explainers-backend-"));
  cpSync(join(projectRoot, "content"), join(project, "content"), { recursive: true });
  cpSync(join(projectRoot, "site.yaml"), join(project, "site.yaml"));
  git(["init", "-q", "-b", "main"]);
  git(["add", "."]);
  git(["commit", "-q", "-m", "The project"]);
  // The editor's own work: an edit, something staged, and an untracked file.
  writeFileSync(join(project, EDITED), `${readFileSync(join(project, EDITED), "utf8")}\nStill writing.\n`);
  writeFileSync(join(project, "staged.txt"), "staged\n");
  git(["add", "staged.txt"]);
  writeFileSync(join(project, "notes.txt"), "a thought\n");
  backend = new LocalBackend(project, "main", "content");
});

backendSuite.after(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  rmSync(project, { recursive: true, force: true });
});

const call = (action: string, params: ApiParams = {}) => backend.answer(action, params);
const status = () => git(["status", "--porcelain"]);
const MINE = " M content/organisations/oxfordshire.md\nA  staged.txt\n?? notes.txt\n";

backendSuite("a draft is a branch made without touching the working tree, the index or HEAD; it starts Ready", () => {
  const head = git(["rev-parse", "HEAD"]);
  const text = readFileSync(join(project, INSPECTION), "utf8").replace(
    "published: 2024-04-09",
    "published: 2024-04-10",
  );
  const answer = call("persistEntry", {
    dataFiles: [{ path: INSPECTION, raw: text, slug: "oxfordshire/2024-standard-inspection" } as never],
    assets: [],
    options: { useWorkflow: true, status: "draft", collectionName: "inspections", commitMessage: "Update" },
  });
  assert.is(answer.status, 200, JSON.stringify(answer.body));
  assert.is(status(), MINE, "the editor's changes as they were");
  assert.is(git(["rev-parse", "HEAD"]), head);
  assert.match(readFileSync(join(project, INSPECTION), "utf8"), "published: 2024-04-09");
  assert.equal(call("unpublishedEntries").body, ["inspections/oxfordshire/2024-standard-inspection"]);
  const entry = call("unpublishedEntry", { collection: "inspections", slug: "oxfordshire/2024-standard-inspection" })
    .body as { status: string; diffs: { path: string }[] };
  assert.is(entry.status, "pending_publish");
  assert.equal(
    entry.diffs.map((diff) => diff.path),
    [INSPECTION],
  );
  // Set back to Draft, a save keeps it.
  call("updateUnpublishedEntryStatus", {
    collection: "inspections",
    slug: "oxfordshire/2024-standard-inspection",
    newStatus: "draft",
  });
  call("persistEntry", {
    dataFiles: [{ path: INSPECTION, raw: text, slug: "oxfordshire/2024-standard-inspection" } as never],
    assets: [],
    options: { useWorkflow: true, status: "draft", collectionName: "inspections", commitMessage: "Update" },
  });
  const again = call("unpublishedEntry", { collection: "inspections", slug: "oxfordshire/2024-standard-inspection" })
    .body as { status: string };
  assert.is(again.status, "draft");
});

backendSuite("publishing writes only the entry's own file and commits only it; the editor's changes stay", () => {
  const answer = call("publishUnpublishedEntry", {
    collection: "inspections",
    slug: "oxfordshire/2024-standard-inspection",
  });
  assert.is(answer.status, 200, JSON.stringify(answer.body));
  assert.match(readFileSync(join(project, INSPECTION), "utf8"), "published: 2024-04-10");
  assert.is(git(["show", "--name-only", "--format=", "HEAD"]).trim(), INSPECTION);
  assert.is(status(), MINE);
  assert.equal(call("unpublishedEntries").body, []);
});

backendSuite("a change to a file with the editor's own changes is refused, and nothing is done", () => {
  const head = git(["rev-parse", "HEAD"]);
  const answer = call("persistEntry", {
    entry: { path: EDITED, raw: "---\nname: Oxfordshire\nkind: Upper-tier local authority\n---\n" },
    assets: [],
    options: { useWorkflow: false, status: "draft", commitMessage: "Update" },
  });
  assert.is(answer.status, 409);
  assert.match((answer.body as { error: string }).error, `${EDITED} has changes of yours that are not committed`);
  assert.is(git(["rev-parse", "HEAD"]), head);
  assert.is(status(), MINE);
});

backendSuite("deleting an entry makes a draft that deletes it; published, the file goes", () => {
  const path = "content/inspections/oxfordshire/2020-focused-visit.md";
  const answer = call("deleteFiles", { paths: [path], options: { commitMessage: "Delete" } });
  assert.is(answer.status, 200);
  assert.ok(existsSync(join(project, path)), "still there until the draft is published");
  const entry = call("unpublishedEntry", { collection: "inspections", slug: "oxfordshire/2020-focused-visit" })
    .body as { diffs: { status: string }[] };
  assert.equal(
    entry.diffs.map((diff) => diff.status),
    ["deleted"],
  );
  // Opened, it shows the entry as published.
  const data = call("unpublishedEntryDataFile", {
    collection: "inspections",
    slug: "oxfordshire/2020-focused-visit",
    id: path,
    path,
  }).body as { data: string };
  assert.match(data.data, "organisation: oxfordshire");
  call("publishUnpublishedEntry", { collection: "inspections", slug: "oxfordshire/2020-focused-visit" });
  assert.not.ok(existsSync(join(project, path)));
  assert.is(git(["ls-files", path]), "");
  assert.is(status(), MINE);
});

backendSuite("organisations in drafts are offered, said to be drafts", () => {
  call("persistEntry", {
    dataFiles: [
      {
        path: "content/organisations/wessex-borough-council.md",
        raw: "---\nname: Wessex Borough Council\nkind: Upper-tier local authority\n---\n",
        slug: "wessex-borough-council",
      } as never,
    ],
    assets: [],
    options: { useWorkflow: true, status: "draft", collectionName: "organisations", commitMessage: "Create" },
  });
  const offered = call("organisations").body as OrganisationChoice[];
  assert.equal(
    offered.map(({ id, draft, kind }) => [id, draft, kind]),
    [
      ["oxfordshire", false, "Upper-tier local authority"],
      ["wessex-borough-council", true, "Upper-tier local authority"],
      ["wessex-police", false, "Police force"],
    ],
  );
});

backendSuite(
  "one naming rule: -2 for a taken name (Decap's -1 is answered as taken), 'inspection' for a kind not known",
  () => {
    assert.is(
      freeFileName("2025-standard", () => false),
      "2025-standard",
    );
    assert.is(
      freeFileName("2025-standard", (name) => ["2025-standard", "2025-standard-2"].includes(name)),
      "2025-standard-3",
    );
    assert.ok(skippedByTheRule("2025-standard-1", (name) => name === "2025-standard"));
    assert.not.ok(skippedByTheRule("2025-standard-1", () => false));
    assert.is(unnumbered("2025-standard-2"), "2025-standard");
    assert.is(unnumbered("2025-standard-12"), "2025-standard");
    const taken = "content/inspections/oxfordshire/2024-standard-inspection";
    const numbered = call("getEntry", { path: `${taken}-1.md` }).body as { data: string | null };
    assert.ok(numbered.data, "Decap is told -1 is taken, so it goes on to -2");
    const free = call("getEntry", { path: "content/inspections/oxfordshire/2031-standard-1.md" }).body as {
      data: string | null;
    };
    assert.is(free.data, null);
    const unknown = call("persistEntry", {
      dataFiles: [
        {
          path: "content/inspections/oxfordshire/2025-unknown.md",
          raw: "---\norganisation: oxfordshire\nframework: ofsted-ilacs-2023\nkind: unknown\nvisit:\n  start: 2025-06-02\n  end: 2025-06-03\n---\n",
          slug: "oxfordshire/2025-unknown",
        } as never,
      ],
      assets: [],
      options: { useWorkflow: true, status: "draft", collectionName: "inspections", commitMessage: "Create" },
    });
    assert.is(unknown.status, 422);
    assert.match((unknown.body as { error: string }).error, "the rule every tool follows names it 2025-inspection.md");
  },
);

backendSuite(
  "npm run cms starts beside a half-written file not committed, lists it as untouched, and offers the committed content",
  async () => {
    const half = "content/organisations/half-written.md";
    writeFileSync(join(project, half), "---\nname: \n---\n");
    try {
      const cms = await startLocalCms({ root: project, content: "content", port: 0 });
      try {
        assert.ok(cms.untouched.includes(`?? ${half}`), cms.untouched.join("\n"));
        assert.ok(cms.untouched.includes(` M ${EDITED}`), cms.untouched.join("\n"));
      } finally {
        await cms.close();
      }
      assert.ok(existsSync(join(project, half)));
    } finally {
      rmSync(join(project, half));
    }
  },
);

backendSuite.run();
