/**
 * What `npm run draft` and `npm run import --reports` do with files made to cost without
 * end (issue 27): a named pipe named as a report or put in a reports folder, a file far
 * larger than a report, a PDF whose streams inflate a thousand-fold, a PDF of thousands of
 * pages, a lock held by another command.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { closeSync, cpSync, mkdirSync, openSync, rmSync, writeFileSync, ftruncateSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { MAX_REPORT_BYTES } from "../../src/authoring/import/input-files.ts";
import { LOCK_NAME } from "../../src/authoring/import/lock.ts";
import { openPdf, PDF_LIMITS, UnreadablePdf } from "../../src/authoring/reports/pdf-text.ts";
import { runTool } from "../editing/support.ts";
import { projectRoot, sampleCsv, shippedMapping, withFolder } from "../fixtures/import/support.ts";
import { makePdf, textPage } from "../fixtures/reports/make-pdf.ts";
import { createRequire } from "node:module";

const tsx = createRequire(import.meta.url).resolve("tsx/cli");
const bad = suite("draft and reports: bad input");

/** A one-page PDF whose content stream is `inflated` bytes of spaces, compressed (about 1,000 to 1). */
function inflatingPdf(inflated: number): Uint8Array {
  const stream = deflateSync(Buffer.alloc(inflated, 0x20), { level: 9 });
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const add = (part: Buffer | string) => {
    const buffer = typeof part === "string" ? Buffer.from(part, "latin1") : part;
    parts.push(buffer);
    length += buffer.length;
  };
  add("%PDF-1.4\n");
  const objects: (string | [string, Buffer])[] = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
    [`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`, stream],
  ];
  objects.forEach((object, index) => {
    offsets.push(length);
    add(`${index + 1} 0 obj\n`);
    if (typeof object === "string") add(object);
    else {
      add(object[0]);
      add(object[1]);
      add("\nendstream");
    }
    add("\nendobj\n");
  });
  const xref = length;
  add(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`);
  for (const offset of offsets) add(`${String(offset).padStart(10, "0")} 00000 n \n`);
  add(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return new Uint8Array(Buffer.concat(parts));
}

async function refusal(bytes: Uint8Array): Promise<string> {
  try {
    const pdf = await openPdf(bytes);
    await pdf.close();
  } catch (error) {
    if (error instanceof UnreadablePdf) return error.message;
    throw error;
  }
  return "read";
}

bad("a PDF whose streams inflate past the cap is refused, with the reason, before pdf.js reads it", async () => {
  const bomb = inflatingPdf(PDF_LIMITS.inflatedBytes + 1024 * 1024);
  assert.ok(bomb.length < 1024 * 1024, `the bomb is small (${bomb.length} bytes)`);
  const message = await refusal(bomb);
  assert.match(message, "its compressed streams inflate to more than 128 MB");
  assert.match(message, "it is not read");
  // The same shape within the cap is read as any PDF.
  assert.is(await refusal(inflatingPdf(1024 * 1024)), "read");
});

bad("a PDF of more pages than the cap is refused", async () => {
  const pages = Array.from({ length: PDF_LIMITS.pages + 1 }, (_, index) => textPage(`Page ${index + 1}`));
  assert.match(await refusal(makePdf(pages)), `it has ${PDF_LIMITS.pages + 1} pages, and a report is read only up to`);
});

function contentIn(folder: string): string {
  const content = join(folder, "content");
  for (const part of ["inspectorates", "scales", "frameworks"])
    cpSync(join(projectRoot, "content", part), join(content, part), { recursive: true });
  return content;
}

bad("draft refuses a named pipe, named or in a folder, and a file larger than a report, before opening them", () => {
  withFolder("draft-fifo", (folder) => {
    const content = contentIn(folder);
    const reports = join(folder, "reports");
    mkdirSync(reports);
    writeFileSync(join(reports, "a.pdf"), makePdf([textPage("Nothing")]));
    execFileSync("mkfifo", [join(reports, "pipe.pdf")]);
    const named = runTool("draft", [join(reports, "pipe.pdf"), "--content", content]);
    assert.is(named.status, 2, named.stderr);
    assert.match(named.stderr, "pipe.pdf: it is a named pipe (FIFO), which is never read");
    const inFolder = runTool("draft", [reports, "--content", content]);
    assert.is(inFolder.status, 2, inFolder.stderr);
    assert.match(inFolder.stderr, "nothing was drafted");
    rmSync(join(reports, "pipe.pdf"));
    // A sparse file: its size is known from stat, and nothing reads it.
    const huge = openSync(join(reports, "huge.pdf"), "w");
    ftruncateSync(huge, MAX_REPORT_BYTES + 1);
    closeSync(huge);
    const tooBig = runTool("draft", [reports, "--content", content]);
    assert.is(tooBig.status, 2, tooBig.stderr);
    assert.match(tooBig.stderr, "huge.pdf: it is 64.0 MB, and a report is read only up to 64.0 MB");
  });
});

bad("import --reports refuses a folder with a named pipe in it, before reading any report", () => {
  withFolder("reports-fifo", (folder) => {
    const reports = join(folder, "reports");
    mkdirSync(reports);
    execFileSync("mkfifo", [join(reports, "pipe.pdf")]);
    const run = spawnSync(
      process.execPath,
      [
        tsx,
        "src/cli/import.ts",
        sampleCsv,
        "--mapping",
        shippedMapping,
        "--content",
        join(folder, "content"),
        "--reports",
        reports,
      ],
      { cwd: projectRoot, encoding: "utf8", timeout: 120_000 },
    );
    assert.is(run.status, 2, run.stderr);
    assert.match(run.stderr, "pipe.pdf: it is a named pipe (FIFO)");
  });
});

bad("draft waits for no one: a folder another command holds the lock of is refused", () => {
  withFolder("draft-lock", (folder) => {
    const content = contentIn(folder);
    writeFileSync(
      join(content, LOCK_NAME),
      JSON.stringify({ pid: process.pid, host: hostname(), since: "now", command: "npm run import" }),
    );
    const pdf = join(folder, "a.pdf");
    writeFileSync(pdf, makePdf([textPage("Nothing")]));
    const run = runTool("draft", [pdf, "--content", content]);
    assert.is(run.status, 2, run.stderr);
    assert.match(run.stderr, "is locked: npm run import (process");
  });
});

bad.run();
