/**
 * What `npm run new` needs to know about the content it adds to: the organisations, and
 * the inspectorates and frameworks an inspection is read against. Read and checked by the
 * same code as the build; only problems in the framework files stop it, because a
 * scaffold built on a broken framework would itself be wrong.
 */
import { buildFrameworkIndex } from "../../model/build-model.ts";
import type { Framework, Inspectorate } from "../../model/types.ts";
import type { ContentSet } from "../../content/content-set.ts";
import { loadContent } from "../../content/load.ts";
import { sortProblems, type ContentProblem } from "../../content/problems.ts";
import { validateFrameworks } from "../../content/validate-frameworks.ts";

export interface ScaffoldContent {
  content: ContentSet;
  inspectorates: Map<string, Inspectorate>;
  /** Oldest first within each inspectorate, as the model keeps them. */
  frameworks: Map<string, Framework>;
}

/** The framework files have problems, so nothing can be scaffolded against them: exit code 1. */
export class FrameworksUnusable extends Error {
  override name = "FrameworksUnusable";
  constructor(readonly problems: ContentProblem[]) {
    super("The inspectorate, scale or framework files have problems, so no inspection can be scaffolded against them.");
  }
}

export function loadScaffoldContent(root: string, contentFolder: string): ScaffoldContent {
  const { content, problems, unreadable } = loadContent(root, contentFolder);
  const dataFiles = /\/(inspectorates|scales|frameworks)\/[^/]+$/;
  const blocking = [
    ...problems.filter((problem) => dataFiles.test(problem.file)),
    ...validateFrameworks(content, unreadable),
  ];
  if (blocking.length > 0) throw new FrameworksUnusable(sortProblems(blocking));
  const { inspectorates, frameworks } = buildFrameworkIndex(content);
  return { content, inspectorates, frameworks };
}

/** "from 2023-01-01 to 2026-03-31", "from 2026-04-01" */
export function inForceText(framework: Framework): string {
  return `from ${framework.inForce.from}${framework.inForce.to ? ` to ${framework.inForce.to}` : ""}`;
}
