import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { projectRoot, sampleCsv, shippedMapping, temporaryFolder } from "../fixtures/import/support.ts";

const tsx = createRequire(import.meta.url).resolve("tsx/cli");

function runCli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [tsx, "src/cli/import.ts", ...args], {
    cwd: projectRoot,
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const cli = suite("npm run import");

cli("prints what it created, skipped and needs review, and exits 0", () => {
  const folder = temporaryFolder("cli");
  try {
    const content = join(folder, "content");
    const result = runCli([sampleCsv, "--mapping", shippedMapping, "--content", content]);
    assert.is(result.status, 0, result.stderr);
    assert.match(result.stdout, "Created (21):");
    assert.match(result.stdout, "  inspections/ashby-on-wold/2024-standard.md  (line 5)");
    assert.match(result.stdout, "Skipped rows (5): nothing was written for them.");
    assert.match(result.stdout, "  line 10: the same inspection as line 2");
    assert.match(result.stdout, "Needs an editor's eye (7 files;");
    assert.match(result.stdout, "Rows: 19 = 14 created + 0 updated + 0 unchanged + 0 left alone + 5 skipped.");
    assert.match(result.stdout, "Content check: OK.");
    const again = runCli([sampleCsv, "--mapping", shippedMapping, "--content", content]);
    assert.is(again.status, 0, again.stderr);
    assert.match(again.stdout, "Rows: 19 = 0 created + 0 updated + 14 unchanged + 0 left alone + 5 skipped.");
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

cli("exits 2 for bad arguments, a missing file or a bad mapping", () => {
  // Never the project's own content folder, even if a refusal were to fail.
  const content = join(temporaryFolder("cli-refused"), "content");
  const noCsv = runCli(["--mapping", shippedMapping, "--content", content]);
  assert.is(noCsv.status, 2);
  assert.match(noCsv.stderr, "Name the CSV file to import.");
  const noMapping = runCli([sampleCsv, "--content", content]);
  assert.is(noMapping.status, 2);
  assert.match(noMapping.stderr, "Name the mapping file with --mapping.");
  const unknownOption = runCli([sampleCsv, "--mapping", shippedMapping, "--content", content, "--frobnicate"]);
  assert.is(unknownOption.status, 2);
  const missing = runCli(["no-such.csv", "--mapping", shippedMapping, "--content", content]);
  assert.is(missing.status, 2);
  assert.match(missing.stderr, "there is no such file");
  const badMapping = runCli([sampleCsv, "--mapping", "test/fixtures/import/ilacs-sample.csv", "--content", content]);
  assert.is(badMapping.status, 2);
  assert.match(badMapping.stderr, "has problems");
  assert.not.ok(existsSync(content));
  rmSync(dirname(content), { recursive: true, force: true });
});

cli.run();
