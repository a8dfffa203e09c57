/**
 * How the areas of one framework relate to those of an older framework in its lineage,
 * through any number of crosswalks (SIF 2013 -> ILACS 2018 -> ILACS 2023 -> ILACS 2026).
 *
 * Each crosswalk says, for one step, which old areas each new area came from. Walking the
 * steps back from the newer framework and composing them gives, for every current area,
 * the set of older areas it descends from and the strongest relation met on the way:
 * one old area reached through a split is "split"; several old areas are "merged"; none
 * is "new". Older areas that no current area reaches are "removed".
 */
import type { CrosswalkEntry, CrosswalkRelation, Framework, FrameworksApart } from "./types.ts";

export interface AreaTrace {
  areaId: string;
  relation: CrosswalkRelation;
  /** Ids in the older framework, in its area order. */
  from: string[];
  notes: string[];
}

export interface RemovedTrace {
  areaId: string;
  notes: string[];
}

export interface FrameworkTrace {
  areas: AreaTrace[];
  removed: RemovedTrace[];
}

/**
 * The frameworks from `newer` back to `older`, newest first, excluding `older`; [] when
 * they are the same; null when `older` is not an ancestor of `newer`.
 */
export function stepsBetween(newer: Framework, older: Framework): Framework[] | null {
  const steps: Framework[] = [];
  let cursor: Framework | undefined = newer;
  while (cursor && cursor !== older) {
    steps.push(cursor);
    cursor = cursor.replaces?.framework;
  }
  return cursor === older ? steps : null;
}

export function comparedAreas(framework: Framework) {
  return framework.areas.filter((area) => !area.separate);
}

function entryTo(step: Framework, areaId: string): CrosswalkEntry | undefined {
  return step.replaces?.crosswalk.find((entry) => entry.to.includes(areaId));
}

function entryFrom(step: Framework, areaId: string): CrosswalkEntry | undefined {
  return step.replaces?.crosswalk.find((entry) => entry.from.includes(areaId));
}

function traceBack(areaId: string, steps: readonly Framework[], older: Framework): AreaTrace {
  let ids = [areaId];
  let renamed = false;
  let split = false;
  let merged = false;
  const notes: string[] = [];
  for (const step of steps) {
    const next: string[] = [];
    for (const id of ids) {
      const entry = entryTo(step, id);
      if (!entry || entry.relation === "new") continue;
      if (entry.note && !notes.includes(entry.note)) notes.push(entry.note);
      if (entry.relation === "renamed") renamed = true;
      if (entry.relation === "split") split = true;
      if (entry.relation === "merged") merged = true;
      for (const from of entry.from) if (!next.includes(from)) next.push(from);
    }
    ids = next;
  }
  const order = older.areas.map((area) => area.id);
  const from = ids.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  let relation: CrosswalkRelation;
  if (from.length === 0) relation = "new";
  else if (merged || from.length > 1) relation = "merged";
  else if (split) relation = "split";
  else if (renamed || from[0] !== areaId) relation = "renamed";
  else relation = "same";
  return { areaId, relation, from, notes };
}

/** Follows one older area forward; it is removed when no descendant survives to `newer`. */
function removalNotes(areaId: string, steps: readonly Framework[]): string[] | null {
  let ids = [areaId];
  const notes: string[] = [];
  for (const step of [...steps].reverse()) {
    const next: string[] = [];
    for (const id of ids) {
      const entry = entryFrom(step, id);
      if (!entry) continue;
      if (entry.relation === "removed" && entry.note) notes.push(entry.note);
      for (const to of entry.to) if (!next.includes(to)) next.push(to);
    }
    ids = next;
  }
  return ids.length === 0 ? notes : null;
}

/** Null when `older` is not in `newer`'s lineage (or is newer). */
export function traceFrameworks(newer: Framework, older: Framework): FrameworkTrace | null {
  const steps = stepsBetween(newer, older);
  if (!steps) return null;
  const areas = comparedAreas(newer).map((area) => traceBack(area.id, steps, older));
  const removed: RemovedTrace[] = [];
  for (const area of comparedAreas(older)) {
    const notes = removalNotes(area.id, steps);
    if (notes) removed.push({ areaId: area.id, notes });
  }
  return { areas, removed };
}

/**
 * Grades of `older` translated to `newer`'s scale. Where a step changes scale, its
 * `replaces.grades` must say how; without it the two are not comparable, and the reason
 * is returned instead of a guess.
 */
export function gradeTranslation(
  newer: Framework,
  older: Framework,
): { translate: (gradeId: string) => string | undefined } | { reason: FrameworksApart } {
  const steps = stepsBetween(newer, older);
  if (!steps && stepsBetween(older, newer)) return { reason: { code: "filed-under-replaced", newer, older } };
  if (!steps) return { reason: { code: "not-linked", newer, older } };
  const maps: Record<string, string>[] = [];
  for (const step of [...steps].reverse()) {
    const replaced = step.replaces!.framework;
    if (replaced.scale === step.scale) continue;
    if (!step.replaces!.grades) return { reason: { code: "no-grade-translation", newer: step, older: replaced } };
    maps.push(step.replaces!.grades);
  }
  return {
    translate: (gradeId) =>
      maps.reduce<string | undefined>((id, map) => (id === undefined ? undefined : map[id]), gradeId),
  };
}

/**
 * The one area of `older` that `areaId` of `newer` descends from, with how; null when it is
 * new in between, or comes from several older areas. For reading an older inspection's
 * grade into a newer framework's area (trajectories, the national picture).
 */
export function singleSource(areaId: string, newer: Framework, older: Framework): AreaTrace | null {
  const trace = traceFrameworks(newer, older)?.areas.find((item) => item.areaId === areaId);
  return trace && trace.from.length === 1 ? trace : null;
}

type Translation = ReturnType<typeof gradeTranslation>;

/**
 * Traces and grade translations between pairs of frameworks, each worked out once: a
 * site has a handful of frameworks and many thousands of inspections. Made once per model.
 */
export interface Crosswalks {
  trace(newer: Framework, older: Framework): FrameworkTrace | null;
  translation(newer: Framework, older: Framework): Translation;
}

export function crosswalkCache(): Crosswalks {
  const traces = new Map<string, FrameworkTrace | null>();
  const translations = new Map<string, Translation>();
  const key = (newer: Framework, older: Framework) => `${newer.id}\u0000${older.id}`;
  return {
    trace(newer, older) {
      const id = key(newer, older);
      if (!traces.has(id)) traces.set(id, traceFrameworks(newer, older));
      return traces.get(id)!;
    },
    translation(newer, older) {
      const id = key(newer, older);
      let translation = translations.get(id);
      if (!translation) translations.set(id, (translation = gradeTranslation(newer, older)));
      return translation;
    },
  };
}
