/**
 * The package as a site repository installs it: `npm pack`, installed into an empty folder,
 * then `npx explainers build --content content` there builds the sample content (shipped in
 * the package) with search and pictures, and a page of the site owner's own (layouts/about.md)
 * in the package's page shell, in the sitemap, beside a static file of the site's own. The
 * build writes into the site's folder (the site, its staging folders, the image cache) and
 * nothing inside node_modules. Then `explainers start`, the installed bin, previews the
 * site's own content: it serves a page, refuses a request addressed to another name (the
 * guard of src/preview/preview-guard.ts), shows an edit of a content file, and stops.
 *
 * The install is offline, from npm's cache: the site's lock file is the project's own
 * (package-lock.json, without the development packages), so every package is one `npm ci`
 * of the project put in the cache, as it does in CI and in a newcomer's clone. Where the
 * cache does not hold them, or npm is not installed, the test says so and is skipped.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { getPage, servedAt, until } from "../editing/preview-server.ts";
import { projectRoot } from "../fixtures/build-site.ts";

interface Lock {
  packages: Record<string, { dev?: boolean }>;
}
interface Manifest {
  name: string;
  version: string;
  license: string;
  dependencies: Record<string, string>;
  bin: Record<string, string>;
  engines: Record<string, string>;
}

const manifest = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as Manifest;

function run(command: string, args: string[], cwd: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, npm_config_offline: "true", npm_config_update_notifier: "false" };
  delete env.FORCE_COLOR;
  const started = Date.now();
  const result = spawnSync(command, args, { cwd, encoding: "utf8", env, maxBuffer: 64 * 1024 * 1024 });
  return { ...result, seconds: (Date.now() - started) / 1000 };
}

/** Every file under a folder, relative to it. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
    .sort();
}

/** The site's package.json and lock: the tarball, and the project's locked production packages. */
function siteLock(tarball: string, integrity: string): { manifest: object; lock: object } {
  const project = JSON.parse(readFileSync(join(projectRoot, "package-lock.json"), "utf8")) as Lock;
  const dependency = `file:../${tarball}`;
  const packages: Record<string, object> = { "": { dependencies: { [manifest.name]: dependency } } };
  packages[`node_modules/${manifest.name}`] = {
    version: manifest.version,
    resolved: dependency,
    integrity,
    license: manifest.license,
    dependencies: manifest.dependencies,
    bin: manifest.bin,
    engines: manifest.engines,
  };
  for (const [path, entry] of Object.entries(project.packages)) if (path !== "" && !entry.dev) packages[path] = entry;
  return {
    manifest: { name: "a-site", private: true, dependencies: { [manifest.name]: dependency } },
    lock: { name: "a-site", lockfileVersion: 3, requires: true, packages },
  };
}

const folder = mkdtempSync(join(tmpdir(), "explainers-package-"));
const site = join(folder, "site");
mkdirSync(site);

/** Packs and installs; why not, when it cannot be done here (a reason to skip), or the failure itself. */
function packAndInstall(): { skip?: string; failure?: string; timings: string } {
  if (spawnSync("npm", ["--version"]).error) return { skip: "npm is not installed", timings: "" };
  const packed = run("npm", ["pack", "--json", "--pack-destination", folder], projectRoot);
  if (packed.status !== 0) return { failure: `npm pack failed:\n${packed.stderr}`, timings: "" };
  const [{ filename, integrity }] = JSON.parse(packed.stdout) as { filename: string; integrity: string }[];
  const { manifest: siteManifest, lock } = siteLock(filename, integrity);
  writeFileSync(join(site, "package.json"), JSON.stringify(siteManifest, null, 2));
  writeFileSync(join(site, "package-lock.json"), JSON.stringify(lock, null, 2));
  const installed = run("npm", ["ci", "--offline", "--no-audit", "--no-fund"], site);
  const timings = `npm pack ${packed.seconds.toFixed(0)} s, npm ci ${installed.seconds.toFixed(0)} s`;
  if (installed.status !== 0 && /ENOTCACHED|only-if-cached/.test(installed.stderr))
    return {
      skip: "npm's cache does not hold the project's packages (npm ci in the project puts them there, as CI does)",
      timings,
    };
  if (installed.status !== 0) return { failure: `npm ci of the packed tarball failed:\n${installed.stderr}`, timings };
  return { timings };
}

/** A page of the site owner's own, in the site's layouts/ (docs/publishing.md, "Pages of your own"). */
const ABOUT = `---
layout: base.11ty.ts
title: About this newsroom
description: Who explains these inspections.
permalink: /about/
---
# About this newsroom

We explain inspections *as the reports say them*.
`;

const OWN_ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><title>Our newsroom</title></svg>\n';

/** `explainers start` through the installed bin, in a process group of its own so that stopping it stops its child too. */
function startPreview(cwd: string): { child: ChildProcess; output: () => string } {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  delete env.FORCE_COLOR;
  const port = String(20000 + Math.floor(Math.random() * 20000));
  const bin = join(cwd, "node_modules/.bin/explainers");
  const args = [bin, "start", "--port", port, "--output", "preview", "--no-images", "--no-search"];
  const child = spawn(process.execPath, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

/** Stops the preview's process group: SIGTERM, then SIGKILL after 10 s; the exit code it ended with. */
async function stopGroup(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  process.kill(-child.pid!, "SIGTERM");
  const timer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 10_000);
  const code = await exited;
  clearTimeout(timer);
  return code;
}

const installed = packAndInstall();
/** The package's files as installed, before anything ran. */
let before: string[] = [];
const packaged = suite("the package, packed and installed into an empty folder");
packaged.after(() => rmSync(folder, { recursive: true, force: true }));

if (installed.skip) {
  console.log(`Skipped the packed package's test: ${installed.skip}.`);
  packaged.skip(
    "npx explainers build builds the sample with the site's own page; explainers start previews it",
    () => {},
  );
} else {
  packaged(
    "npx explainers build --content content builds the sample in a site that installed the tarball, with the site's own page",
    () => {
      assert.is(installed.failure, undefined);
      const own = join(site, "node_modules", manifest.name);
      // The sample and its settings are in the package: a new site starts from them.
      cpSync(join(own, "content"), join(site, "content"), { recursive: true });
      cpSync(join(own, "site.yaml"), join(site, "site.yaml"));
      mkdirSync(join(site, "layouts/assets/media"), { recursive: true });
      writeFileSync(join(site, "layouts/about.md"), ABOUT);
      writeFileSync(join(site, "layouts/assets/media/masthead.svg"), '<svg xmlns="http://www.w3.org/2000/svg"/>\n');
      // The site's own icon, in place of the package's of the same name.
      writeFileSync(join(site, "layouts/assets/icon.svg"), OWN_ICON);
      before = filesUnder(own);

      const help = run("npx", ["explainers", "--help"], site);
      assert.is(help.status, 0, help.stderr);
      assert.match(help.stdout, "Usage: explainers <command>");
      const build = run("npx", ["explainers", "build", "--content", "content"], site);
      console.log(`Packed and installed (${installed.timings}); built the sample in ${build.seconds.toFixed(0)} s.`);
      assert.is(build.status, 0, `${build.stdout}\n${build.stderr}`);
      assert.match(build.stdout, "Built the site in _site/");

      for (const path of [
        "index.html",
        "organisations/oxfordshire/2024-standard-inspection/index.html",
        "organisations/oxfordshire/2024-standard-inspection/share.png",
        "assets/site.css",
        "assets/embed.css",
        "assets/media/masthead.svg",
        "pagefind/pagefind.js",
        "sitemap.xml",
      ])
        assert.ok(existsSync(join(site, "_site", path)), `_site/${path}`);
      const about = readFileSync(join(site, "_site/about/index.html"), "utf8");
      assert.match(about, "<title>About this newsroom – ", "the site's own page, from its layouts/");
      assert.match(about, '<header class="site-header">', "in the package's page shell");
      assert.match(about, "<em>as the reports say them</em>");
      assert.match(readFileSync(join(site, "_site/sitemap.xml"), "utf8"), "<loc>https://example.org/about/</loc>");
      assert.is(
        readFileSync(join(site, "_site/assets/icon.svg"), "utf8"),
        OWN_ICON,
        "the site's file replaces the package's",
      );
      assert.ok(readdirSync(join(site, ".cache/images")).length > 0, "the image cache is in the site's folder");
    },
  );

  packaged("explainers start previews the site's own content, guarded, shows an edit, and stops", async () => {
    assert.is(installed.failure, undefined);
    const started = Date.now();
    const preview = startPreview(site);
    try {
      const base = await until(
        () => preview,
        "the preview's address",
        90,
        () => servedAt(preview.output()),
      );
      const organisation = `${base}/organisations/oxfordshire/`;
      const first = await getPage(organisation, { seconds: 10 });
      assert.is(first.status, 200);
      assert.match(first.body, "Oxfordshire County Council");
      assert.match((await getPage(`${base}/about/`, { seconds: 10 })).body, "About this newsroom");
      const port = new URL(base).port;
      const foreign = await getPage(organisation, { seconds: 10, headers: { Host: `rebound.example:${port}` } });
      assert.is(foreign.status, 403, "a request addressed to another name is refused");

      const file = join(site, "content/organisations/oxfordshire.md");
      const text = readFileSync(file, "utf8");
      assert.match(text, /^name: Oxfordshire County Council$/m);
      writeFileSync(file, text.replace(/^name: .*$/m, "name: Oxfordshire County Council, as edited"));
      await until(
        () => preview,
        "the edit in the preview",
        60,
        async () => {
          const page = await getPage(organisation, { seconds: 10 });
          return page.body.includes("Oxfordshire County Council, as edited") ? page : undefined;
        },
      );
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      console.log(`The preview served the site, and then the edit, within ${seconds} s of starting.`);
    } finally {
      const code = await stopGroup(preview.child);
      assert.is(code, 0, `the preview stops with 0 when asked to:\n${preview.output()}`);
    }
    assert.ok(existsSync(join(site, "preview/about/index.html")), "the preview is written in the site's folder");
    assert.equal(
      filesUnder(join(site, "node_modules", manifest.name)),
      before,
      "nothing was written inside node_modules",
    );
    assert.equal(readdirSync(site).sort(), [
      ".cache",
      "_site",
      "content",
      "layouts",
      "node_modules",
      "package-lock.json",
      "package.json",
      "preview",
      "site.yaml",
    ]);
  });
}

packaged.run();
