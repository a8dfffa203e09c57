/**
 * The one way content becomes a model, shared by the build (through src/site.ts),
 * `npm run check` and the tests: read every file, check everything, and only then build.
 */
import { appendAll } from "../model/arrays.ts";
import { buildFrameworkIndex, buildModel, type SiteModel } from "../model/build-model.ts";
import type { SourceChange } from "../model/source.ts";
import type { ContentSet, Entry } from "./content-set.ts";
import { followChange, frameworksOf } from "./check-memory.ts";
import { loadContent, type ReadCache, type Unreadable } from "./load.ts";
import { nearDuplicateProblems } from "./near-duplicates.ts";
import { contentNotices } from "./notices.ts";
import { sortProblems, type ContentProblem } from "./problems.ts";
import { readSiteSettings } from "./site-settings.ts";
import type { FrameworkData } from "./schema.ts";
import { fitProblems } from "./validate-fit.ts";
import { validateFrameworks } from "./validate-frameworks.ts";
import { validateInspections } from "./validate-inspections.ts";
import { futureDateProblems, todayAnywhere } from "./validate-today.ts";

export interface CheckResult {
  content: ContentSet;
  problems: ContentProblem[];
  /** What the content does not know yet (grades, visit dates, kinds): work for an editor, not problems. Only when there are no problems. */
  notices: ContentProblem[];
  /** Present only when there are no problems. */
  model?: SiteModel;
  /** What the read found changed since the last read with the same `reads` (everything without one: load.ts). */
  change: SourceChange;
}

export interface CheckOptions {
  /**
   * Today, YYYY-MM-DD: dates after it are problems. Only `npm run check` passes it (a
   * check may read the clock); the build leaves it out, so what it makes never depends
   * on the day it runs.
   */
  today?: string;
  /** `npm start` only: files unchanged since the last check are not read or checked again (load.ts, check-memory.ts). */
  reads?: ReadCache;
  /** Work out the notices (default true); the build does not show them, so it leaves them out. */
  notices?: boolean;
  /** How the model is built from checked content and what changed (default `buildModel`; `npm start` updates the last one). */
  model?: (content: ContentSet, change: SourceChange) => SiteModel;
  /**
   * site.yaml's `allowHtmlInMarkdown` (default false): without it, raw HTML in a file's
   * Markdown is a problem, as pages would show it as text. `checkProject` and the build
   * (src/site.ts) pass the site's setting.
   */
  allowHtmlInMarkdown?: boolean;
}

/**
 * The inspectorates, scales and frameworks whose files have no problems and whose every
 * reference (inspectorate, scale, the framework replaced, all the way back) is to such a
 * file: inspections are checked against these, so one broken framework file does not stop
 * every other inspection being checked.
 */
function soundDefinitions(content: ContentSet, problems: readonly ContentProblem[]) {
  const withProblems = new Set(problems.map((problem) => problem.file));
  const sound = <T>(entries: Entry<T>[]) => entries.filter((entry) => !withProblems.has(entry.file.path));
  const inspectorates = new Set(sound(content.inspectorates).map((entry) => entry.id));
  const scales = sound(content.scales);
  const scaleIds = new Set(scales.map((entry) => entry.id));
  const byId = new Map(content.frameworks.map((entry) => [entry.id, entry]));
  const verdicts = new Map<string, boolean>();
  const isSound = (entry: Entry<FrameworkData>): boolean => {
    if (!verdicts.has(entry.id)) {
      verdicts.set(entry.id, false); // a loop back to here is not sound
      const replaced = entry.data.replaces ? byId.get(entry.data.replaces.framework) : undefined;
      verdicts.set(
        entry.id,
        !withProblems.has(entry.file.path) &&
          inspectorates.has(entry.data.inspectorate) &&
          scaleIds.has(entry.data.scale) &&
          (!entry.data.replaces || (replaced !== undefined && isSound(replaced))),
      );
    }
    return verdicts.get(entry.id)!;
  };
  const frameworks = content.frameworks.filter(isSound);
  return { inspectorates: content.inspectorates.filter((entry) => inspectorates.has(entry.id)), scales, frameworks };
}

/**
 * Every check of the content, as the build, `npm run check` and the content manager's
 * Publish run it: the files read and checked one by one, the frameworks, the inspections
 * against them and each other, and what editors get wrong across files (the checks
 * `fitProblems` and `nearDuplicateProblems`, and raw HTML unless the site allows it).
 */
export function checkContent(root: string, contentFolder = "content", options: CheckOptions = {}): CheckResult {
  const { content, problems, unreadable, salvaged, rawHtml, change } = loadContent(root, contentFolder, options.reads);
  if (options.reads) followChange(options.reads.checks, change);
  appendAll(problems, validateFrameworks(content, unreadable));
  const definitions = soundDefinitions(content, problems);
  const sound = new Set(definitions.frameworks.map((entry) => entry.id));
  // Inspections under a framework with problems are not checked against it, nor told it is missing.
  const skipped: Unreadable = { ...unreadable, frameworks: new Set([...unreadable.frameworks, ...content.frameworks.map((entry) => entry.id).filter((id) => !sound.has(id))]) };
  const frameworks = frameworksOf(definitions, options.reads?.checks);
  appendAll(problems, validateInspections(content, frameworks, skipped, salvaged, options.reads?.checks));
  appendAll(problems, fitProblems(content, frameworks, salvaged));
  appendAll(problems, nearDuplicateProblems(content));
  if (!options.allowHtmlInMarkdown) appendAll(problems, rawHtml);
  if (options.today) appendAll(problems, futureDateProblems(content, salvaged, options.today));
  if (problems.length > 0) return { content, problems: sortProblems(problems), notices: [], change };
  const notices = options.notices === false ? [] : contentNotices(content, buildFrameworkIndex(content).frameworks);
  return { content, problems, notices, model: options.model ? options.model(content, change) : buildModel(content), change };
}

/**
 * What `npm run check` checks: site.yaml and the content, with the dates after `today`;
 * every problem, sorted.
 */
export function checkProject(root: string, contentFolder: string, options: CheckOptions = {}): CheckResult {
  const settings = readSiteSettings(root);
  const allowHtmlInMarkdown = options.allowHtmlInMarkdown ?? settings.settings?.allowHtmlInMarkdown ?? false;
  const checked = checkContent(root, contentFolder, { ...options, allowHtmlInMarkdown });
  if (settings.problems.length === 0) return checked;
  return { content: checked.content, problems: sortProblems([...settings.problems, ...checked.problems]), notices: [], change: checked.change };
}

/**
 * `npm run check` itself: site.yaml and the content, with the dates after today. The
 * content manager calls this same function before it publishes, saves to the branch or
 * deletes (src/authoring/editors/publish-check.ts), so every rule the check has applies there too.
 */
export function runCheck(
  root: string,
  contentFolder: string,
  options: { notices?: boolean; now?: Date } = {},
): CheckResult {
  return checkProject(root, contentFolder, { notices: options.notices, today: todayAnywhere(options.now) });
}
