/**
 * What `npm run import` does with input made to break it (issue 27): column names that are
 * JavaScript's own, CSVs that are not UTF-8, a named pipe where a file should be, a CSV read
 * in chunks (a character or a line end split between two), a lock held by another import,
 * an import killed half way, a disk that fills.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { hostname } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { openCsv, readCsv } from "../../src/authoring/import/csv.ts";
import { ImportSetupError } from "../../src/authoring/import/index.ts";
import { diskFull } from "../../src/authoring/import/input-files.ts";
import { LOCK_NAME } from "../../src/authoring/import/lock.ts";
import { MANIFEST_NAME } from "../../src/authoring/import/manifest.ts";
import { writePlanned } from "../../src/authoring/import/write.ts";
import {
  importInto,
  projectRoot,
  sampleCsv,
  shippedMapping,
  snapshot,
  withFolder,
} from "../fixtures/import/support.ts";

const tsx = createRequire(import.meta.url).resolve("tsx/cli");
const bad = suite("import: bad input");

const sample = readFileSync(join(projectRoot, sampleCsv), "utf8");
const [header, ...rows] = sample.trimEnd().split("\n");

function refusal(run: () => unknown): ImportSetupError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportSetupError) return error;
    throw error;
  }
  throw new Error("the import was not refused");
}

bad("a column named __proto__, constructor or prototype is refused by name, not a TypeError", () => {
  withFolder("proto", (folder) => {
    for (const name of ["__proto__", "constructor", "prototype"]) {
      const csv = join(folder, `${name}.csv`);
      writeFileSync(csv, `${header!.replace("parser_version", name)}\n${rows[0]}\n`);
      const error = refusal(() => importInto(join(folder, "content"), { csv, dryRun: true }));
      assert.match(error.message, `${name}.csv:1  A column is called '${name}'`);
      assert.match(error.message, "Rename the column");
    }
    assert.not.ok(existsSync(join(folder, "content")));
  });
});

bad("a Latin-1 CSV is refused with its line, and read right with encoding latin1", () => {
  withFolder("latin1", (folder) => {
    const csv = join(folder, "latin1.csv");
    const row = rows[0]!.replace('"northmoor, eastwick & vale"', '"ynys môn café"');
    writeFileSync(csv, Buffer.from(`${header}\n${rows[1]}\n${row}\n`, "latin1"));
    const error = refusal(() => importInto(join(folder, "content"), { csv }));
    assert.match(error.message, "latin1.csv:3  The CSV is not UTF-8 (byte 0xF4");
    assert.match(error.message, "--encoding latin1");
    assert.not.ok(existsSync(join(folder, "content")), "nothing was written");
    const report = importInto(join(folder, "content"), { csv, encoding: "latin1" });
    assert.ok(report.files.some((file) => file.path === "organisations/ynys-mon-cafe.md"));
    assert.match(readFileSync(join(folder, "content/organisations/ynys-mon-cafe.md"), "utf8"), "name: Ynys Môn Café");
  });
});

bad("a CSV is read in chunks: a character, a CRLF and a byte-order mark across chunks read as one file", () => {
  withFolder("chunks", (folder) => {
    const csv = join(folder, "big.csv");
    const chunk = 1024 * 1024;
    // Rows of 1,000 bytes up to near the first 1 MB chunk's end, then one that puts "ô" (two bytes),
    // and then its "\r\n", across the boundary, `shift` bytes on.
    const filler = `${"a".repeat(995)},1\r\n`;
    const count = Math.floor((chunk - 2000) / filler.length);
    const text = (shift: number) => {
      const head = "\uFEFFname,n\r\n";
      const before = Buffer.byteLength(head) + count * filler.length;
      const straddling = `x${"b".repeat(chunk - before - 2 - shift)}ô,2\r\n`;
      return `${head}${filler.repeat(count)}${straddling}last,3\r\n`;
    };
    for (const shift of [-1, 0, 1, 2, 3, 4, 5]) {
      writeFileSync(csv, text(shift));
      const source = openCsv(csv);
      assert.equal(source.header, ["name", "n"]);
      const read = [...source.rows()];
      const lines = read.length;
      assert.is(lines, count + 2, `shift ${shift}`);
      assert.equal(
        read.slice(-2).map((row) => [row.line, row.values.name!.slice(-2), row.values.n]),
        [
          [lines, "bô", "2"],
          [lines + 1, "st", "3"],
        ],
        `shift ${shift}`,
      );
    }
    assert.equal(readCsv(text(0)).rows.length, count + 2);
  });
});

bad("a named pipe given as the CSV or the mapping is refused before it is opened", () => {
  withFolder("fifo", (folder) => {
    const pipe = join(folder, "pipe.csv");
    execFileSync("mkfifo", [pipe]);
    const error = refusal(() => importInto(join(folder, "content"), { csv: pipe, dryRun: true }));
    assert.match(error.message, "named pipe (FIFO)");
    const mapping = refusal(() => importInto(join(folder, "content"), { mapping: pipe, dryRun: true }));
    assert.match(mapping.message, "Cannot read the mapping file");
    assert.match(mapping.message, "named pipe (FIFO)");
  });
});

bad("a second import into a folder another import is writing into is refused; a stale lock is taken over", () => {
  withFolder("lock", (folder) => {
    const content = join(folder, "content");
    mkdirSync(content);
    const lock = join(content, LOCK_NAME);
    // This test's own process: running.
    writeFileSync(
      lock,
      JSON.stringify({ pid: process.pid, host: hostname(), since: "now", command: "npm run import" }),
    );
    const error = refusal(() => importInto(content));
    assert.match(error.message, "is locked: npm run import (process");
    assert.match(error.message, "Wait for it to finish");
    assert.ok(existsSync(lock), "the other import's lock is kept");
    assert.not.ok(existsSync(join(content, "organisations")), "nothing was written");
    // A process that has ended: its lock is stale.
    const ended = spawnSync(process.execPath, ["-e", ""]);
    writeFileSync(lock, JSON.stringify({ pid: ended.pid, host: hostname(), since: "then" }));
    const report = importInto(content);
    assert.match(report.staleLock ?? "", `process ${ended.pid}`);
    assert.ok(report.files.some((file) => file.status === "created"));
    assert.not.ok(existsSync(lock), "the lock is removed when the import is done");
  });
});

bad(
  "files an import wrote but had not recorded (it was killed) are recognised by their bytes and updated again",
  () => {
    withFolder("killed", (folder) => {
      const content = join(folder, "content");
      importInto(content);
      const written = snapshot(content);
      // As if killed before the manifest was saved: files written, no manifest.
      rmSync(join(content, MANIFEST_NAME));
      const again = importInto(content);
      assert.equal(
        again.files.filter((file) => file.status === "left-alone").map((file) => file.reason),
        [],
        "no file is called 'not written by an import'",
      );
      assert.ok(again.files.every((file) => file.status === "unchanged"));
      assert.equal(snapshot(content), written, "the manifest is rebuilt as it was");
      // They are the import's again: a corrected CSV updates them.
      const csv = join(folder, "ilacs-sample.csv");
      writeFileSync(csv, sample.replace("Alex Example", "Alex Corrected"));
      const corrected = importInto(content, { csv });
      assert.equal(
        corrected.files.filter((file) => file.status === "updated").map((file) => file.path),
        ["inspections/northmoor-eastwick-and-vale/2025-short.md"],
      );
    });
  },
);

bad("the manifest is saved as files are written: a write that fails leaves the files before it recorded", () => {
  withFolder("stopped", (folder) => {
    const contentDir = join(folder, "content");
    mkdirSync(join(contentDir, "inspections"), { recursive: true });
    writeFileSync(join(contentDir, "inspections", "blocked"), "a file where a folder must go");
    const entry = (n: number) => ({ key: `k${n}`, source: "x.csv", sha256: "0".repeat(64) });
    const plan = {
      contentDir,
      copies: [],
      writes: [
        { path: join(contentDir, "inspections/a/1.md"), text: "one", entry: entry(1) },
        { path: join(contentDir, "inspections/b/2.md"), text: "two", entry: entry(2) },
        { path: join(contentDir, "inspections/blocked/3.md"), text: "three", entry: entry(3) },
      ],
      manifest: { path: join(contentDir, MANIFEST_NAME), text: "final", before: { files: new Map() } },
    };
    assert.throws(() => writePlanned(plan));
    const saved = JSON.parse(readFileSync(join(contentDir, MANIFEST_NAME), "utf8")) as { files: object };
    assert.equal(Object.keys(saved.files), ["inspections/a/1.md", "inspections/b/2.md"]);
  });
});

bad("a full disk is a plain message, not a stack trace", () => {
  const error = Object.assign(new Error("ENOSPC: no space left on device, write"), {
    code: "ENOSPC",
    path: "content/x.md",
  });
  assert.match(diskFull(error) ?? "", "The disk is full: content/x.md could not be written. The command stopped.");
  assert.is(diskFull(new Error("other")), undefined);
  // On a real full disk when this may mount one (as root on Linux).
  withFolder("full", (folder) => {
    const disk = join(folder, "disk");
    mkdirSync(disk);
    const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=48k", "tmpfs", disk]).status === 0;
    if (!mounted) return;
    try {
      const run = spawnSync(
        process.execPath,
        [tsx, "src/cli/import.ts", sampleCsv, "--mapping", shippedMapping, "--content", join(disk, "content")],
        { cwd: projectRoot, encoding: "utf8" },
      );
      assert.is(run.status, 2, run.stderr);
      assert.match(run.stderr, "The disk is full");
      assert.not.match(run.stderr, "    at ");
    } finally {
      spawnSync("umount", [disk]);
    }
  });
});

bad.run();
