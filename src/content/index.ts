/**
 * The one way content becomes a model, shared by the build (through src/site.ts),
 * `npm run check` and the tests: read every file, check everything, and only then build.
 */
import { buildFrameworkIndex, buildModel, type SiteModel } from "../model/build-model.ts";
import type { ContentSet } from "./content-set.ts";
import { loadContent } from "./load.ts";
import { contentNotices } from "./notices.ts";
import { sortProblems, type ContentProblem } from "./problems.ts";
import { validateFrameworks } from "./validate-frameworks.ts";
import { validateInspections } from "./validate-inspections.ts";

export interface CheckResult {
  content: ContentSet;
  problems: ContentProblem[];
  /** What the content does not know yet (grades, visit dates, kinds): work for an editor, not problems. Only when there are no problems. */
  notices: ContentProblem[];
  /** Present only when there are no problems. */
  model?: SiteModel;
}

export function checkContent(root: string, contentFolder = "content"): CheckResult {
  const { content, problems, unreadable } = loadContent(root, contentFolder);
  const frameworkProblems = validateFrameworks(content, unreadable);
  problems.push(...frameworkProblems);
  // Inspections are read against linked frameworks, so only once every inspectorate, scale
  // and framework file is sound.
  const frameworkFilesUnreadable = unreadable.inspectorates.size + unreadable.scales.size + unreadable.frameworks.size > 0;
  if (frameworkProblems.length === 0 && !frameworkFilesUnreadable) {
    const { frameworks } = buildFrameworkIndex(content);
    problems.push(...validateInspections(content, frameworks, unreadable));
  }
  if (problems.length > 0) return { content, problems: sortProblems(problems), notices: [] };
  const notices = contentNotices(content, buildFrameworkIndex(content).frameworks);
  return { content, problems, notices, model: buildModel(content) };
}
