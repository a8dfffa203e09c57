/**
 * The ways a reader can narrow the list of all inspections: by inspectorate, by framework,
 * and by grade (any judgement with that grade, on that scale: grades of different scales
 * are different things even when they share a word). One pass over the inspections.
 */
import type { SiteModel } from "./build-model.ts";
import type { Grade, Inspection } from "./types.ts";

export interface InspectionFilter {
  type: "inspectorate" | "framework" | "grade";
  /** Unique within its type; for grades, `scale/grade`. */
  key: string;
  label: string;
  /** Newest first. */
  inspections: Inspection[];
}

export function inspectionFilters(model: SiteModel): InspectionFilter[] {
  const filters = new Map<string, InspectionFilter>();
  const add = (type: InspectionFilter["type"], key: string, label: string, inspection: Inspection) => {
    const id = `${type}:${key}`;
    const filter = filters.get(id) ?? { type, key, label, inspections: [] };
    if (filter.inspections[filter.inspections.length - 1] !== inspection) filter.inspections.push(inspection);
    filters.set(id, filter);
  };
  for (const inspection of model.inspections) {
    const { framework } = inspection;
    add("inspectorate", framework.inspectorate.id, framework.inspectorate.shortName, inspection);
    add("framework", framework.id, `${framework.inspectorate.shortName} ${framework.shortName}`, inspection);
    for (const judgement of inspection.judgements) {
      if (judgement.outcome.kind !== "grade" || judgement.area.separate) continue;
      const grade: Grade = judgement.outcome;
      add("grade", `${framework.scale.id}/${grade.id}`, `${grade.label} (${framework.scale.name})`, inspection);
    }
  }
  const order = { inspectorate: 0, framework: 1, grade: 2 };
  const scaleOrder = new Map(model.scales.map((scale, index) => [scale.id, index]));
  const rank = (filter: InspectionFilter) => {
    if (filter.type !== "grade") return 0;
    const [scaleId, gradeId] = filter.key.split("/");
    const scale = model.scales.find((candidate) => candidate.id === scaleId)!;
    return (scaleOrder.get(scaleId!) ?? 0) * 100 + scale.grades.findIndex((grade) => grade.id === gradeId);
  };
  return [...filters.values()].sort(
    (a, b) => order[a.type] - order[b.type] || rank(a) - rank(b) || a.label.localeCompare(b.label),
  );
}
