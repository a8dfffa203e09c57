/**
 * What the content itself offers an editor as choices: the organisations an inspection can
 * name, and for each framework its kinds of inspection, its areas and its scale's grades.
 * One value, read from the checked model, from which the JSON Schemas, the CMS's forms and
 * the VS Code forms are all generated, so the three offer the same choices `npm run check`
 * accepts.
 */
import { notJudged, UNKNOWN } from "../../model/outcomes.ts";
import type { SiteModel } from "../../model/build-model.ts";

export interface Choice {
  id: string;
  /** What the editor reads: a name or label. */
  label: string;
}

export interface FrameworkChoices {
  id: string;
  /** "ILACS 2023 (Ofsted)". */
  label: string;
  name: string;
  inspectorate: string;
  inForce: { from: string; to?: string };
  /** The kinds of organisation it is used for (docs/frameworks.md); every kind when absent. */
  appliesTo?: string[];
  kinds: (Choice & { graded: boolean })[];
  areas: (Choice & { description?: string })[];
  scaleName: string;
  /** The scale's grades, best first, then its states that are not grades, then unknown and not judged (every scale's). */
  outcomes: (Choice & { meaning: string; grade: boolean })[];
}

export interface EditorChoices {
  /** With its kind, and the inspectorates that have inspected each before, first to last: the framework follows from them. */
  organisations: (Choice & { kind: string; inspectorates: string[] })[];
  inspectorates: Choice[];
  scales: Choice[];
  /** Newest first within each inspectorate: the one an editor most likely wants is at the top. */
  frameworks: FrameworkChoices[];
}

export function editorChoices(
  model: Pick<SiteModel, "organisations" | "inspectorates" | "scales" | "frameworks">,
): EditorChoices {
  return {
    organisations: model.organisations.map(({ id, name, kind, inspections }) => ({
      id,
      label: name,
      kind,
      inspectorates: [...new Set(inspections.map((inspection) => inspection.framework.inspectorate.id))],
    })),
    inspectorates: model.inspectorates.map(({ id, shortName }) => ({ id, label: shortName })),
    scales: model.scales.map(({ id, name }) => ({ id, label: name })),
    frameworks: [...model.frameworks]
      .sort(
        (a, b) =>
          a.inspectorate.shortName.localeCompare(b.inspectorate.shortName) ||
          b.inForce.from.localeCompare(a.inForce.from) ||
          a.id.localeCompare(b.id),
      )
      .map((framework) => ({
        id: framework.id,
        label: `${framework.shortName} (${framework.inspectorate.shortName})`,
        name: framework.name,
        inspectorate: framework.inspectorate.id,
        inForce: framework.inForce,
        ...(framework.appliesTo ? { appliesTo: [...framework.appliesTo] } : {}),
        kinds: framework.kinds.map(({ id, label, graded }) => ({ id, label, graded })),
        areas: framework.areas.map(({ id, label, description }) => ({
          id,
          label,
          ...(description ? { description } : {}),
        })),
        scaleName: framework.scale.name,
        outcomes: [...framework.scale.grades, ...framework.scale.states, UNKNOWN, notJudged()].map((outcome) => ({
          id: outcome.id,
          label: outcome.kind === "unknown" ? "Not known (the report has it; not on this site yet)" : outcome.label,
          meaning: outcome.meaning,
          grade: outcome.kind === "grade",
        })),
      })),
  };
}
