/**
 * Bad input through the real commands, as a publisher runs them from the project folder:
 * `npm run check` and `npm run build` exit as they should, print no stack trace, and a
 * build that refuses leaves the published `_site/` byte for byte as it was, and no
 * working folder behind. The kinds that lost a site or crashed before: a missing or
 * misspelt content folder, an unreadable folder, links that loop or lead nowhere, YAML
 * nested thousands deep, a missing site.yaml.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { projectRoot } from "../fixtures/content.ts";
import { snapshot } from "../fixtures/import/support.ts";
import { makeProject, removeProject, runCommand, type BadInput } from "./corpus.ts";

const commands = suite("bad input: the real check and build commands");
const cases = join(import.meta.dirname, "cases");

const THROUGH_COMMANDS = [
  "missing-content-folder",
  "misspelt-content-option",
  "unreadable-folder",
  "symlink-loop-folder",
  "dangling-link",
  "deep-nesting-block",
  "site-yaml-missing",
  "escape-sequence",
  "empty-content-folder",
  "symlink-out-of-content-file",
  "symlink-out-of-content-folder",
  "site-yaml-link-out-of-project",
  "content-option-is-root",
  "sparse-ten-gigabytes",
];

/** A published site from an earlier build: what a refused build must leave alone. */
function publishedSite(project: string): string {
  const site = join(project, "_site");
  mkdirSync(join(site, "organisations/oxfordshire"), { recursive: true });
  writeFileSync(join(site, "index.html"), "<!doctype html><title>The site as published</title>\n");
  writeFileSync(join(site, "organisations/oxfordshire/index.html"), "<!doctype html><title>Oxfordshire</title>\n");
  return site;
}

const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m;

for (const name of THROUGH_COMMANDS) {
  commands(`${name}: exits as it should, with no stack trace, and _site/ as it was`, async () => {
    const input = ((await import(join(cases, `${name}.ts`))) as { default: BadInput }).default;
    const reason = input.skip?.();
    if (reason) return console.log(`bad input ${name} through the commands: skipped, ${reason}`);
    const project = makeProject(input);
    try {
      const site = publishedSite(project);
      const before = snapshot(site);
      const content = input.content ? ["--content", input.content] : [];
      const check = runCommand(project, "check", content, input.unprivileged);
      const expectedCheck = input.misuse ? 2 : input.problems.length > 0 ? 1 : 0;
      assert.is(check.status, expectedCheck, `check: ${check.stdout}${check.stderr}`);
      assert.not.match(check.stdout + check.stderr, STACK_TRACE);
      assert.not.match(
        check.stdout,
        /[\u0000-\u0008\u000B-\u001F\u007F]/,
        "nothing in check's report drives the terminal",
      );
      const build = runCommand(project, "build", ["--quiet", "--no-search", ...content], input.unprivileged);
      if (input.neverShown)
        for (const output of [check.stdout, check.stderr, build.stdout, build.stderr])
          assert.not.match(output, input.neverShown, "nothing of a file that is not content is printed");
      assert.is(build.status, input.build, `build: ${build.stdout}${build.stderr}`);
      assert.not.match(build.stdout + build.stderr, STACK_TRACE);
      assert.match(build.stderr, "_site/ is as it was.");
      assert.equal(snapshot(site), before, "_site/ is byte for byte as it was");
      assert.equal(
        readdirSync(project).filter((entry) => entry.startsWith(".site-")),
        [],
        "no working folder is left behind",
      );
    } finally {
      removeProject(project);
    }
  });
}

commands(
  "npm run -s check -- --json prints only JSON, as docs/editing.md shows, each problem with its fix",
  async () => {
    const input = ((await import(join(cases, "bad-date-and-grade-typo.ts"))) as { default: BadInput }).default;
    const project = makeProject(input);
    try {
      const npm = (args: string[]) =>
        spawnSync("npm", ["run", ...args, "check", "--", "--json", "--content", join(project, "content")], {
          cwd: projectRoot,
          encoding: "utf8",
          env: { ...process.env, npm_config_update_notifier: "false" },
        });
      const silent = npm(["-s"]);
      assert.is(silent.status, 1, silent.stderr);
      const report = JSON.parse(silent.stdout) as { problems: { message: string; fix: string }[] };
      assert.is(report.problems.length, 2);
      for (const problem of report.problems) {
        assert.ok(problem.fix.length > 0);
        assert.ok(problem.message.endsWith(problem.fix), "the message is the whole sentence, ending with the fix");
      }
      // Without -s npm prints its banner on stdout first, which is why the docs show -s.
      assert.match(npm([]).stdout, /^\s*> inspection-explainers@/);
    } finally {
      removeProject(project);
    }
  },
);

commands.run();
