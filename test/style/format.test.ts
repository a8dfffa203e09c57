/**
 * The tree is formatted by Prettier, configured once (.prettierrc.json, .prettierignore):
 * `npm run format` fixes what this test finds.
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { test } from "uvu";
import * as assert from "uvu/assert";

const root = fileURLToPath(new URL("../..", import.meta.url));
const prettier = createRequire(import.meta.url).resolve("prettier/bin/prettier.cjs");

test("every file Prettier formats is formatted (npm run format fixes it)", () => {
  const result = spawnSync(process.execPath, [prettier, "--check", "--log-level", "warn", "."], {
    cwd: root,
    encoding: "utf8",
  });
  assert.is(result.status, 0, `Not formatted:\n${result.stdout}${result.stderr}`);
});

test.run();
