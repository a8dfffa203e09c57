/**
 * The publishing docs and the GitHub Pages workflow say what the build really does.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import { loadSiteSettings, withOverrides } from "../../src/content/site-settings.ts";
import { previewOptions } from "../../src/preview/preview-site.ts";
import { projectRoot, runBuild } from "../fixtures/build-site.ts";

const docs = suite("publishing: docs and the GitHub Pages workflow");
const read = (path: string) => readFileSync(join(projectRoot, path), "utf8");

docs("docs/publishing.md documents every option of npm run build", () => {
  const result = runBuild(["--no-such-option"]);
  assert.is(result.status, 2);
  const usage = /Usage: explainers build .*/.exec(result.stderr)?.[0] ?? "";
  const options = [...usage.matchAll(/--[a-z-]+/g)].map((match) => match[0]);
  assert.ok(options.length >= 6, usage);
  const documented = read("docs/publishing.md");
  assert.equal(
    options.filter((option) => !documented.includes(`\`${option}`)),
    [],
  );
  for (const variable of ["EXPLAINERS_URL", "EXPLAINERS_PATH_PREFIX", "EXPLAINERS_IMAGES", "EXPLAINERS_IMAGE_CACHE"])
    assert.ok(documented.includes(variable), variable);
});

interface Workflow {
  on: { push: { branches: string[] } };
  jobs: Record<
    string,
    { steps: { id?: string; if?: string; uses?: string; run?: string; with?: Record<string, string | number> }[] }
  >;
}

docs("the workflow builds with GitHub's address and prefix, and publishes _site", () => {
  const workflow = parse(read(".github/workflows/pages.yml")) as Workflow;
  assert.equal(workflow.on.push.branches, ["main"]);
  const steps = workflow.jobs.build!.steps;
  assert.ok(steps.some((step) => step.id === "pages" && step.uses?.startsWith("actions/configure-pages@")));
  const build = steps.find((step) => step.run?.startsWith("npm run build"))!;
  assert.is(
    build.run,
    'npm run build -- --host github-pages --url "${{ steps.pages.outputs.origin }}" --path-prefix "${{ steps.pages.outputs.base_path }}/"',
  );
  assert.is(steps.find((step) => step.uses?.startsWith("actions/upload-pages-artifact@"))?.with?.path, "_site");
  // The image cache is kept between runs, where the build looks for it by default (.eleventy.ts):
  // restored before the build, and saved after it under the same key even when the build fails.
  const restore = steps.findIndex(
    (step) => step.uses?.startsWith("actions/cache/restore@") && step.with?.path === ".cache/images",
  );
  const save = steps.findIndex(
    (step) => step.uses?.startsWith("actions/cache/save@") && step.with?.path === ".cache/images",
  );
  assert.ok(restore >= 0 && restore < steps.indexOf(build), "the image cache is restored before the build");
  assert.ok(save > steps.indexOf(build), "the image cache is saved after the build");
  assert.is(steps[save]!.if, "${{ !cancelled() }}", "saved when the build fails too");
  assert.is(steps[save]!.with!.key, steps[restore]!.with!.key);
  // A run restores the cache the last run saved: its key starts with the restore prefix.
  assert.ok(String(steps[save]!.with!.key).startsWith(String(steps[restore]!.with!["restore-keys"])));
  assert.not.ok(
    steps.some((step) => step.uses?.startsWith("actions/cache@")),
    "one way to cache, not two",
  );
  const deploy = workflow.jobs.deploy!.steps.find((step) => step.uses?.startsWith("actions/deploy-pages@"));
  assert.is(deploy?.with?.timeout, 600000, "GitHub Pages' 10 minutes");
  // The folder the workflow caches is where the build and the preview keep their pictures.
  assert.match(read("src/cli/build.ts"), 'process.env.EXPLAINERS_IMAGE_CACHE ?? ".cache/images"');
  assert.is(previewOptions("/site", {}, {}).imageCache, join("/site", ".cache/images"));

  // configure-pages gives base_path "/<repository>" for a project site and "" at a custom domain.
  const settings = loadSiteSettings(projectRoot, "site.yaml", {});
  const built = (origin: string, basePath: string) =>
    withOverrides(settings, { EXPLAINERS_URL: origin, EXPLAINERS_PATH_PREFIX: `${basePath}/` });
  assert.equal(
    [built("https://owner.github.io", "/inspection-explainers"), built("https://explainers.example.org", "")].map(
      ({ url, pathPrefix }) => [url, pathPrefix],
    ),
    [
      ["https://owner.github.io", "/inspection-explainers/"],
      ["https://explainers.example.org", "/"],
    ],
  );
});

/**
 * The shipped TOML files as sections of `key = "text"` or `key = number`: the little of TOML
 * they use. A line of any other form fails the test, so the file stays what this reads.
 */
function tomlSections(path: string): Record<string, Record<string, string | number>> {
  const sections: Record<string, Record<string, string | number>> = { "": {} };
  let current = sections[""]!;
  for (const line of read(path).split("\n")) {
    const text = line.trim();
    if (text === "" || text.startsWith("#")) continue;
    const section = /^\[([\w.]+)\]$/.exec(text);
    if (section) {
      current = sections[section[1]!] = {};
      continue;
    }
    const pair = /^([\w]+) = (?:"([^"]*)"|(\d+))$/.exec(text);
    assert.ok(pair, `${path}: a line this test does not read: ${text}`);
    current[pair[1]!] = pair[2] ?? Number(pair[3]);
  }
  return sections;
}

docs("netlify.toml builds with Netlify's limits checked, publishes _site on Node 20", () => {
  const netlify = tomlSections("netlify.toml");
  assert.equal(netlify.build, { command: "npm run build -- --host netlify", publish: "_site" });
  assert.equal(netlify["build.environment"], { NODE_VERSION: "20" });
  assert.match(read("docs/publishing.md"), "`netlify.toml`");
});

docs("wrangler.toml publishes _site to Cloudflare Pages; the docs give the build command with the host", () => {
  const wrangler = tomlSections("wrangler.toml");
  assert.is(wrangler[""]!.pages_build_output_dir, "_site");
  assert.match(String(wrangler[""]!.compatibility_date), /^\d{4}-\d{2}-\d{2}$/);
  const documented = read("docs/publishing.md");
  assert.match(documented, "`npm run build -- --host cloudflare-pages`");
  assert.match(documented, "`wrangler.toml`");
});

docs.run();
