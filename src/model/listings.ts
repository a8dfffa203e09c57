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

/** One filter an inspection is in: the filter's id (`type:key`) and what it is. */
interface FilterTag {
  id: string;
  type: InspectionFilter["type"];
  key: string;
  label: string;
}

/**
 * Each inspection's filters, kept by `npm start` between reads (src/site.ts): an
 * inspection object the model kept is the same inspection, under the same definitions
 * (src/preview/update-model.ts builds everything again when a definition changes), so its filters are
 * the same; only the inspections built again are worked out again.
 */
export type FilterMemo = WeakMap<Inspection, readonly FilterTag[]>;

export function filterMemo(): FilterMemo {
  return new WeakMap();
}

function filterTags(inspection: Inspection): FilterTag[] {
  const { framework } = inspection;
  const tag = (type: InspectionFilter["type"], key: string, label: string): FilterTag => ({
    id: `${type}:${key}`,
    type,
    key,
    label,
  });
  const tags = [
    tag("inspectorate", framework.inspectorate.id, framework.inspectorate.shortName),
    tag("framework", framework.id, `${framework.inspectorate.shortName} ${framework.shortName}`),
  ];
  for (const judgement of inspection.judgements) {
    if (judgement.outcome.kind !== "grade" || judgement.area.separate) continue;
    const grade: Grade = judgement.outcome;
    tags.push(tag("grade", `${framework.scale.id}/${grade.id}`, `${grade.label} (${framework.scale.name})`));
  }
  return tags;
}

export function inspectionFilters(model: SiteModel, memo?: FilterMemo): InspectionFilter[] {
  const filters = new Map<string, InspectionFilter>();
  for (const inspection of model.inspections) {
    let tags = memo?.get(inspection);
    if (!tags) {
      tags = filterTags(inspection);
      memo?.set(inspection, tags);
    }
    for (const { id, type, key, label } of tags) {
      let filter = filters.get(id);
      if (!filter) filters.set(id, (filter = { type, key, label, inspections: [] }));
      if (filter.inspections[filter.inspections.length - 1] !== inspection) filter.inspections.push(inspection);
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
