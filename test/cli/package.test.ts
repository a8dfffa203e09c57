/**
 * The package as a site repository installs it: `npm pack`, installed into an empty folder,
 * then `npx explainers build --content content` there builds the sample content (shipped in
 * the package) with search and pictures. The build writes into the site's folder (the site,
 * its staging folders, the image cache) and nothing inside node_modules.
 *
 * The install is offline, from npm's cache: the site's lock file is the project's own
 * (package-lock.json, without the development packages), so every package is one `npm ci`
 * of the project put in the cache, as it does in CI and in a newcomer's clone. Where the
 * cache does not hold them, or npm is not installed, the test says so and is skipped.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
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

const installed = packAndInstall();
const packaged = suite("the package, packed and installed into an empty folder");
packaged.after(() => rmSync(folder, { recursive: true, force: true }));

if (installed.skip) {
  console.log(`Skipped the packed package's test: ${installed.skip}.`);
  packaged.skip(
    "npx explainers build --content content builds the sample in a site that installed the tarball",
    () => {},
  );
} else {
  packaged("npx explainers build --content content builds the sample in a site that installed the tarball", () => {
    assert.is(installed.failure, undefined);
    const own = join(site, "node_modules", manifest.name);
    // The sample and its settings are in the package: a new site starts from them.
    cpSync(join(own, "content"), join(site, "content"), { recursive: true });
    cpSync(join(own, "site.yaml"), join(site, "site.yaml"));
    const before = filesUnder(own);

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
      "pagefind/pagefind.js",
      "sitemap.xml",
    ])
      assert.ok(existsSync(join(site, "_site", path)), `_site/${path}`);
    assert.ok(readdirSync(join(site, ".cache/images")).length > 0, "the image cache is in the site's folder");
    assert.equal(filesUnder(own), before, "nothing was written inside node_modules");
    assert.equal(readdirSync(site).sort(), [
      ".cache",
      "_site",
      "content",
      "node_modules",
      "package-lock.json",
      "package.json",
      "site.yaml",
    ]);
  });
}

packaged.run();
