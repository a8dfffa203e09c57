/**
 * What build.ts and the stage that writes the pages (build-pages.ts) say to each other,
 * kept apart from that stage so that build.ts loads neither Eleventy nor the model when
 * the stage runs in a process of its own.
 */
import { SETTING_OVERRIDES } from "../content/site-settings.ts";
import type { FitSetting } from "../publishing/fit.ts";

/** The overrides a fitting step gives the stages that follow: the build's own (`given`), and the step's sharing and open data (none: the site's own, or the environment's). */
export function stepOverrides(given: Record<string, string>, setting: FitSetting): Record<string, string> {
  const { sharing, openData, feeds } = setting;
  const overrides = { ...given };
  if (sharing !== undefined)
    overrides[SETTING_OVERRIDES.sharing.variable] = typeof sharing === "object" ? String(sharing.recentYears) : sharing;
  if (openData !== undefined) overrides[SETTING_OVERRIDES.openData.variable] = openData;
  if (feeds !== undefined) overrides[SETTING_OVERRIDES.feeds.variable] = feeds;
  return overrides;
}
export interface PagesStage {
  root: string;
  content: string;
  staging: string;
  quiet: boolean;
  allowEmpty: boolean;
  /** Draw the share images and the charts' PNGs (not `--no-images`). */
  images: boolean;
  /** Where drawn pictures are kept between builds. */
  imageCache: string;
  /**
   * Overrides of site.yaml's settings, as the environment variables that override them are
   * named (EXPLAINERS_URL, EXPLAINERS_SHARING, ...), on top of the environment's own: the
   * build's --url and --path-prefix, and a fitting step's sharing, open data and feeds.
   */
  overrides: Record<string, string>;
  /**
   * False: the pages name their pictures but none is drawn; build.ts draws them once it has
   * planned what fits its host (src/publishing/fit.ts). Left out: drawn with the pages.
   */
  draw?: boolean;
  /** A file to write the fit plan to (what each narrower sharing setting would cost: src/eleventy/sharing-plan.ts). */
  plan?: string;
}

/** How the stage ended: written; refused before anything was written (with the exit code); or failed while writing. */
export type PagesOutcome =
  | { outcome: "written" }
  | { outcome: "refused"; exitCode: 1 | 2; message: string }
  | { outcome: "failed"; message: string };

/**
 * The exit codes of the stage's own process: the outcome travels in them, and the message
 * on stderr. Anything else (the process crashed, or was killed) is a failure.
 */
export const STAGE_EXIT = { written: 0, refused1: 21, refused2: 22, failed: 23 } as const;

export function exitCodeOf(result: PagesOutcome): number {
  if (result.outcome === "written") return STAGE_EXIT.written;
  if (result.outcome === "failed") return STAGE_EXIT.failed;
  return result.exitCode === 1 ? STAGE_EXIT.refused1 : STAGE_EXIT.refused2;
}

/** The outcome of the stage's process from its exit code (its message is already on stderr). */
export function outcomeOfExit(code: number | null): PagesOutcome {
  if (code === STAGE_EXIT.written) return { outcome: "written" };
  if (code === STAGE_EXIT.refused1) return { outcome: "refused", exitCode: 1, message: "" };
  if (code === STAGE_EXIT.refused2) return { outcome: "refused", exitCode: 2, message: "" };
  if (code === STAGE_EXIT.failed) return { outcome: "failed", message: "" };
  return {
    outcome: "failed",
    message:
      code === null
        ? "The process writing the pages was stopped by a signal."
        : `The process writing the pages ended with exit code ${code}.`,
  };
}
