/**
 * The summary line CI reads, from what uvu printed. uvu's "Total" counts the tests it ran
 * (skipped ones are not in it), so failed = total - passed; skipped is said on its own.
 * Tests that skip because `../shared` is absent print a `needs ../shared:` line (see
 * test/fixtures/shared.ts), and the summary says so once, however many there were.
 */
export interface RunSummary {
  passed: number;
  failed: number;
  skipped: number;
  /** What was skipped for want of ../shared, each named once. */
  needsShared: string[];
  /** The line to print last, and the exit code. */
  line: string;
  exitCode: number;
}

export const NEEDS_SHARED = "needs ../shared:";

function count(plain: string, label: string): number | null {
  const match = new RegExp(`^\\s*${label}:\\s+(\\d+)`, "m").exec(plain);
  return match ? Number(match[1]) : null;
}

export function summarise(output: string, uvuExitCode: number | null): RunSummary {
  const plain = output.replace(/\u001b\[[0-9;]*m/g, "");
  const needsShared = [
    ...new Set(
      plain
        .split("\n")
        .filter((line) => line.startsWith(NEEDS_SHARED))
        .map((line) => line.slice(NEEDS_SHARED.length).trim()),
    ),
  ];
  const total = count(plain, "Total");
  const passed = count(plain, "Passed");
  const skipped = count(plain, "Skipped") ?? 0;
  if (total === null || passed === null) {
    // uvu stopped before its totals (a test file that cannot be loaded, a crash): whatever
    // passed before it, the run failed.
    return {
      passed: 0,
      failed: 1,
      skipped: 0,
      needsShared,
      line: "0 passed, 1 failed",
      exitCode: 1,
    };
  }
  // A suite whose hook throws reports errors without counting a test: uvu's exit code still
  // says the run failed, and so must the line.
  const failed = Math.max(total - passed, uvuExitCode === 0 ? 0 : 1);
  return {
    passed,
    failed,
    skipped,
    needsShared,
    line: `${passed} passed, ${failed} failed`,
    exitCode: failed === 0 && uvuExitCode === 0 ? 0 : 1,
  };
}
