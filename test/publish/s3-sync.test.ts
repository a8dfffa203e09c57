/**
 * The S3 recipe (deploy/s3-sync.sh) run against a made-up site with a stand-in for the AWS
 * CLI that records what it is asked: every file is sent by exactly one command, with the
 * content type and cache headers of its kind; a text file over CloudFront's 10,000,000 bytes
 * goes gzipped with `Content-Encoding: gzip`; Pagefind's files and the `.csv.gz` downloads
 * go as they are; `_headers` is not sent; CloudFront is told to forget the target.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { gunzipSync } from "node:zlib";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { projectRoot } from "../fixtures/build-site.ts";

const test = suite("publishing: the S3 and CloudFront recipe");
let work = "";
test.before(() => {
  work = mkdtempSync(join(tmpdir(), "explainers-s3-"));
});
test.after(() => rmSync(work, { recursive: true, force: true }));

const script = join(projectRoot, "deploy/s3-sync.sh");

/** A stand-in for `aws`: one JSON line of arguments a call, and a copy of each file `s3 cp` sends. */
function fakeAws(folder: string): string {
  const bin = join(folder, "bin");
  mkdirSync(bin, { recursive: true });
  const log = join(folder, "aws.log");
  writeFileSync(
    join(bin, "aws"),
    `#!${process.execPath}
const fs = require("node:fs"), path = require("node:path");
const args = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify(args) + "\\n");
if (args[0] === "s3" && args[1] === "cp") {
  const copy = path.join(${JSON.stringify(join(folder, "sent"))}, args[3].replace(/^s3:\\/\\/[^/]+\\//, ""));
  fs.mkdirSync(path.dirname(copy), { recursive: true });
  fs.copyFileSync(args[2], copy);
}
`,
  );
  chmodSync(join(bin, "aws"), 0o755);
  return log;
}

/** AWS's filters: later ones win; `*` matches any characters, "/" included. */
function selected(path: string, filters: readonly string[]): boolean {
  let included = true;
  for (let index = 0; index < filters.length; index += 2) {
    const pattern = new RegExp(`^${filters[index + 1]!.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);
    if (pattern.test(path)) included = filters[index] === "--include";
  }
  return included;
}

const option = (args: readonly string[], name: string) => args[args.indexOf(name) + 1];

test("every file goes once, with its content type and cache headers; big text gzipped; _headers not at all", () => {
  const site = join(work, "site");
  const files: Record<string, string | Buffer> = {
    "index.html": "<!DOCTYPE html><title>t</title>",
    "organisations/a/index.html": "<p>a</p>",
    "organisations/a/feed.xml": "<feed/>",
    "feed.xml": "<feed/>",
    "sitemap.xml": "<urlset/>",
    "data/parts.json": "{}",
    "data/inspections/2024.csv": "a,b\n",
    "data/judgements.csv.gz": Buffer.from([0x1f, 0x8b, 8, 0]),
    "data/national.json": `[${"1,".repeat(5_000_001)}1]`,
    "assets/site.css": "a{}",
    "assets/search.js": "1",
    "assets/icon.svg": "<svg/>",
    "assets/icon-32.png": Buffer.from([0x89, 0x50]),
    "manifest.webmanifest": "{}",
    "robots.txt": "User-agent: *",
    "pagefind/pagefind.js": "1",
    "pagefind/fragment/en_1a2b.pf_fragment": Buffer.from([0x1f, 0x8b]),
    "pagefind/index/en_3c4d.pf_index": Buffer.from([0x1f, 0x8b]),
    "pagefind/wasm.en.pagefind": Buffer.from([0x1f, 0x8b]),
    ".explainers-build": "marker",
    _headers: "/*\n  X-Frame-Options: DENY\n",
  };
  for (const [path, bytes] of Object.entries(files)) {
    mkdirSync(dirname(join(site, path)), { recursive: true });
    writeFileSync(join(site, path), bytes);
  }
  const log = fakeAws(work);
  const run = spawnSync("bash", [script, site, "s3://bucket/explainers/", "E123"], {
    encoding: "utf8",
    env: { ...process.env, PATH: `${join(work, "bin")}:${process.env.PATH}` },
  });
  assert.is(run.status, 0, run.stderr);
  const calls = readFileSync(log, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as string[]);

  // What each file was sent with, by the first command that took it.
  const sent = new Map<string, { type: string; cache: string; encoding?: string }[]>();
  for (const call of calls) {
    if (call[1] === "cp") {
      const path = call[3]!.replace("s3://bucket/explainers/", "");
      const encoding = option(call, "--content-encoding");
      sent.set(path, [
        ...(sent.get(path) ?? []),
        { type: option(call, "--content-type")!, cache: option(call, "--cache-control")!, encoding },
      ]);
    }
    if (call[1] === "sync") {
      assert.equal(call.slice(2, 4), [site, "s3://bucket/explainers"]);
      assert.ok(call.includes("--delete"), "each pass deletes what the site no longer has");
      const filters = call.slice(4, call.indexOf("--content-type"));
      for (const path of Object.keys(files))
        if (selected(path, filters))
          sent.set(path, [
            ...(sent.get(path) ?? []),
            { type: option(call, "--content-type")!, cache: option(call, "--cache-control")! },
          ]);
    }
  }
  const short = "public, max-age=300";
  const expected: Record<string, { type: string; cache?: string; encoding?: string }> = {
    "index.html": { type: "text/html; charset=utf-8" },
    "organisations/a/index.html": { type: "text/html; charset=utf-8" },
    "organisations/a/feed.xml": { type: "application/atom+xml; charset=utf-8" },
    "feed.xml": { type: "application/atom+xml; charset=utf-8" },
    "sitemap.xml": { type: "application/xml; charset=utf-8" },
    "data/parts.json": { type: "application/json; charset=utf-8" },
    "data/inspections/2024.csv": { type: "text/csv; charset=utf-8" },
    "data/judgements.csv.gz": { type: "application/gzip" },
    "data/national.json": { type: "application/json; charset=utf-8", encoding: "gzip" },
    "assets/site.css": { type: "text/css; charset=utf-8" },
    "assets/search.js": { type: "text/javascript; charset=utf-8" },
    "assets/icon.svg": { type: "image/svg+xml" },
    "assets/icon-32.png": { type: "image/png" },
    "manifest.webmanifest": { type: "application/manifest+json" },
    "robots.txt": { type: "text/plain; charset=utf-8" },
    "pagefind/pagefind.js": { type: "text/javascript; charset=utf-8" },
    "pagefind/fragment/en_1a2b.pf_fragment": {
      type: "application/octet-stream",
      cache: "public, max-age=31536000, immutable",
    },
    "pagefind/index/en_3c4d.pf_index": {
      type: "application/octet-stream",
      cache: "public, max-age=31536000, immutable",
    },
    "pagefind/wasm.en.pagefind": { type: "application/octet-stream" },
    ".explainers-build": { type: "application/octet-stream" },
  };
  for (const [path, want] of Object.entries(expected)) {
    const got = sent.get(path) ?? [];
    assert.is(got.length, 1, `${path} is sent once (${got.length})`);
    const encoding = want.encoding ? { encoding: want.encoding } : {};
    assert.equal(got[0], { type: want.type, cache: want.cache ?? short, ...encoding }, path);
  }
  assert.not.ok(sent.has("_headers"), "_headers is for Netlify and Cloudflare");
  // The big file went gzipped, and unpacks to what the build wrote.
  const gzipped = readFileSync(join(work, "sent/explainers/data/national.json"));
  assert.is(gunzipSync(gzipped).toString(), files["data/national.json"]);
  assert.equal(calls.at(-1), [
    "cloudfront",
    "create-invalidation",
    "--distribution-id",
    "E123",
    "--paths",
    "/explainers/*",
  ]);
});

test("refuses a folder with no site, or a target that is not in S3, before sending anything", () => {
  const log = fakeAws(join(work, "refused"));
  const env = { ...process.env, PATH: `${join(work, "refused", "bin")}:${process.env.PATH}` };
  const empty = join(work, "empty");
  mkdirSync(empty, { recursive: true });
  const noSite = spawnSync("bash", [script, empty, "s3://bucket"], { encoding: "utf8", env });
  assert.is(noSite.status, 2);
  assert.match(noSite.stderr, "has no index.html: build the site first");
  writeFileSync(join(empty, "index.html"), "<p>x</p>");
  const notS3 = spawnSync("bash", [script, empty, "bucket/explainers"], { encoding: "utf8", env });
  assert.is(notS3.status, 2);
  assert.match(notS3.stderr, "The target must be an S3 address");
  assert.throws(() => readFileSync(log));
});

test("docs/publishing.md gives the command", () => {
  assert.match(readFileSync(join(projectRoot, "docs/publishing.md"), "utf8"), "deploy/s3-sync.sh _site s3://");
});

test.run();
