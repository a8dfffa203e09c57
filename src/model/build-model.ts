/**
 * Builds the site model from content that has passed every check: resolves references,
 * links previous inspections, compares, and orders timelines. Pure: no files, no
 * Eleventy. Throws only on content the checks should have refused (a bug, not bad input).
 */
import { compareInspections } from "./compare.ts";
import { formatDay, parsePeriod, visitPeriod } from "./dates.ts";
import { shortFromLabel } from "./labels.ts";
import { KIND_UNKNOWN, outcomeFor, unknownKind, VISIT_UNKNOWN } from "./outcomes.ts";
import { chronological, linkPreviousInspections } from "./previous.ts";
import { crosswalkCache, type Crosswalks } from "./crosswalk.ts";
import { linkRatings } from "./ratings.ts";
import type { EventSource, InspectionSource, ModelSource, ScaleSource, SourceEntry } from "./source.ts";
import { buildTimeline } from "./timeline.ts";
import type {
  ContextEvent,
  Framework,
  Inspection,
  InspectionKind,
  Inspectorate,
  Judgement,
  Organisation,
  Outcome,
  Scale,
} from "./types.ts";

export interface SiteModel {
  inspectorates: Inspectorate[];
  scales: Scale[];
  /** Oldest first within each inspectorate. */
  frameworks: Framework[];
  /** By name. */
  organisations: Organisation[];
  /** Newest first: the order readers browse in. */
  inspections: Inspection[];
  events: ContextEvent[];
  /** The crosswalks between frameworks, traced once each (src/model/ratings.ts). */
  crosswalks: Crosswalks;
}

function required<T>(map: Map<string, T>, id: string, what: string): T {
  const value = map.get(id);
  if (value === undefined)
    throw new Error(`Unknown ${what} '${id}' reached the model; the content checks should have refused it.`);
  return value;
}

export function buildScale(id: string, data: ScaleSource): Scale {
  const grades = data.grades.map((grade, rank) => ({
    kind: "grade" as const,
    ...grade,
    short: grade.short ?? grade.label,
    rank,
  }));
  const states = data.states.map((state) => ({ kind: "state" as const, ...state, short: state.short ?? state.label }));
  const outcomes = new Map<string, Outcome>([...grades, ...states].map((outcome) => [outcome.id, outcome]));
  const scale: Scale = { id, name: data.name, grades, states, outcomes };
  if (data.description) scale.description = data.description;
  return scale;
}

function asList(ids: string | string[] | undefined): string[] {
  if (ids === undefined) return [];
  return Array.isArray(ids) ? ids : [ids];
}

function buildFrameworks(
  content: Pick<ModelSource, "frameworks">,
  inspectorates: Map<string, Inspectorate>,
  scales: Map<string, Scale>,
): Map<string, Framework> {
  const frameworks = new Map<string, Framework>();
  for (const { id, data } of content.frameworks) {
    frameworks.set(id, {
      id,
      inspectorate: required(inspectorates, data.inspectorate, "inspectorate"),
      name: data.name,
      shortName: data.shortName,
      scale: required(scales, data.scale, "scale"),
      inForce: data.inForce,
      ...(data.url ? { url: data.url } : {}),
      ...(data.description ? { description: data.description } : {}),
      kinds: data.kinds.map((kind): InspectionKind => ({
        id: kind.id,
        label: kind.label,
        graded: kind.graded,
        ...(kind.description ? { description: kind.description } : {}),
        judges: kind.judges ?? "all",
        ...(kind.notJudged ? { notJudged: kind.notJudged } : {}),
      })),
      areas: data.areas.map((area) => ({
        ...area,
        short: area.short ?? shortFromLabel(area.label),
        separate: area.separate ?? false,
        overall: area.overall ?? false,
      })),
      ...(data.appliesTo ? { appliesTo: data.appliesTo } : {}),
      replacedBy: [],
      lineage: id,
      series: data.series ?? "",
    });
  }
  for (const { id, data } of content.frameworks) {
    if (!data.replaces) continue;
    const framework = frameworks.get(id)!;
    const replaced = required(frameworks, data.replaces.framework, "framework");
    framework.replaces = {
      framework: replaced,
      crosswalk: data.replaces.crosswalk.map((entry) => ({
        relation: entry.relation,
        from: asList(entry.from),
        to: asList(entry.to),
        ...(entry.note ? { note: entry.note } : {}),
      })),
      ...(data.replaces.grades ? { grades: data.replaces.grades } : {}),
    };
    replaced.replacedBy.push(framework);
  }
  for (const framework of frameworks.values()) {
    let root = framework;
    while (root.replaces) root = root.replaces.framework;
    framework.lineage = root.id;
    if (!framework.series) framework.series = root.id;
  }
  return frameworks;
}

/** Inspectorates, scales and linked frameworks: what inspections are checked and read against. */
export function buildFrameworkIndex(content: Pick<ModelSource, "inspectorates" | "scales" | "frameworks">) {
  const inspectorates = new Map(
    content.inspectorates.map(({ id, data }): [string, Inspectorate] => [id, { id, ...data }]),
  );
  const scales = new Map(content.scales.map(({ id, data }) => [id, buildScale(id, data)]));
  const frameworks = buildFrameworks(content, inspectorates, scales);
  return { inspectorates, scales, frameworks };
}

function buildOrganisations(content: Pick<ModelSource, "organisations">): Map<string, Organisation> {
  const organisations = new Map<string, Organisation>();
  for (const { id, data, body } of content.organisations) {
    const codes: Organisation["codes"] = {};
    if (data.codes?.ons) codes.ons = data.codes.ons;
    if (data.codes?.ofstedUrn !== undefined) codes.ofstedUrn = String(data.codes.ofstedUrn);
    if (data.codes?.careInspectorate) codes.careInspectorate = data.codes.careInspectorate;
    organisations.set(id, {
      id,
      name: data.name,
      kind: data.kind,
      ...(data.region ? { region: data.region } : {}),
      codes,
      ...(data.website ? { website: data.website } : {}),
      ...(data.reports ? { reports: data.reports } : {}),
      example: data.example ?? false,
      ...(data.closed ? { closed: data.closed } : {}),
      ...(data.lastKnownOpen ? { lastKnownOpen: data.lastKnownOpen } : {}),
      bodyMarkdown: body,
      inspections: [],
      events: [],
      timeline: [],
    });
  }
  return organisations;
}

/** Every area's outcome at a graded inspection, in the framework's order; none for an ungraded visit. */
function judgementsOf(entry: SourceEntry<InspectionSource>, framework: Framework, kind: InspectionKind): Judgement[] {
  if (!kind.graded) return [];
  const written = entry.data.judgements;
  return framework.areas.map((area) => {
    const outcome = outcomeFor(area, written[area.id], kind, framework.scale);
    if (!outcome) throw new Error(`${entry.file.path}: '${String(written[area.id])}' should have been refused.`);
    return { area, outcome: outcome as Outcome, written: written[area.id] !== undefined };
  });
}

/** The title of an inspection whose file gives none: "Ofsted inspection, 2024", or with a day for `when`. */
function madeTitle(inspection: Pick<Inspection, "framework" | "kind" | "placedOn">, when: string): string {
  return `${inspection.framework.inspectorate.shortName} ${shortFromLabel(inspection.kind.label)}, ${when}`;
}

/**
 * Made titles that name two of an organisation's inspections alike (the Care Inspectorate
 * publishes several gradings of a service in a year: three "Care Inspectorate inspection,
 * 2025") name each by its day instead ("..., 17 July 2025"). A title from the file is kept.
 */
function titlesByDay(inspections: readonly Inspection[], made: ReadonlySet<Inspection>): void {
  const alike = new Map<string, Inspection[]>();
  for (const inspection of inspections) {
    const key = `${inspection.organisation.id}\u0000${inspection.title}`;
    const group = alike.get(key);
    if (group) group.push(inspection);
    else alike.set(key, [inspection]);
  }
  for (const group of alike.values()) {
    if (group.length < 2) continue;
    for (const inspection of group)
      if (made.has(inspection)) inspection.title = madeTitle(inspection, formatDay(inspection.placedOn));
  }
}

/** Grades in force under an earlier framework of the line (gradings "in-force"), each in its own area. */
function alsoInForceOf(
  entry: SourceEntry<InspectionSource>,
  frameworks: Map<string, Framework>,
): Inspection["alsoInForce"] {
  return Object.entries(entry.data.alsoInForce ?? {}).flatMap(([id, grades]) => {
    const framework = required(frameworks, id, "framework");
    return Object.entries(grades).map(([areaId, gradeId]) => {
      const area = framework.areas.find((candidate) => candidate.id === areaId);
      const outcome = framework.scale.outcomes.get(gradeId);
      if (!area || !outcome || outcome.kind === "not-judged")
        throw new Error(`${entry.file.path}: alsoInForce ${id}.${areaId}: '${gradeId}' should have been refused.`);
      return { framework, area, outcome };
    });
  });
}

/** An inspection with its references resolved; `previous`, `ratings` and `comparison` are filled in later. */
function buildInspection(
  entry: SourceEntry<InspectionSource>,
  organisations: Map<string, Organisation>,
  frameworks: Map<string, Framework>,
): Inspection {
  const { id, data, body, file } = entry;
  const organisation = required(organisations, data.organisation, "organisation");
  const framework = required(frameworks, data.framework, "framework");
  const kind =
    data.kind === KIND_UNKNOWN ? unknownKind() : framework.kinds.find((candidate) => candidate.id === data.kind);
  if (!kind) throw new Error(`${file.path}: kind '${data.kind}' is not in ${framework.id}.`);
  const visit = data.visit === VISIT_UNKNOWN ? null : visitPeriod(data.visit);
  const placedOn = visit?.start ?? data.published;
  if (placedOn === undefined || (!visit && data.visit !== VISIT_UNKNOWN))
    throw new Error(`${file.path}: visit ${JSON.stringify(data.visit)} should have been refused.`);
  return {
    id,
    slug: id.slice(id.indexOf("/") + 1),
    sourcePath: file.path,
    organisation,
    framework,
    kind,
    title: data.title ?? madeTitle({ framework, kind, placedOn }, placedOn.slice(0, 4)),
    visit,
    placedOn,
    ...(data.published ? { published: data.published } : {}),
    ...(data.report ? { report: data.report } : {}),
    ...(data.leadInspector ? { leadInspector: data.leadInspector } : {}),
    summary: data.summary,
    judgements: judgementsOf(entry, framework, kind),
    alsoInForce: alsoInForceOf(entry, frameworks),
    improvements: data.improvements,
    quotes: data.quotes,
    figures: data.figures,
    bodyMarkdown: body,
    ...(data.draft ? { draft: data.draft } : {}),
    previous: null,
    previousChoice: "first",
    ratings: null,
    comparison: null,
  };
}

function buildEvent({ id, data, body, file }: SourceEntry<EventSource>, organisations: Map<string, Organisation>) {
  const period = parsePeriod(data.date);
  if (!period) throw new Error(`${file.path}: date ${JSON.stringify(data.date)} should have been refused.`);
  const event: ContextEvent = {
    id,
    sourcePath: file.path,
    organisation: required(organisations, data.organisation, "organisation"),
    title: data.title,
    period,
    ...(data.source ? { source: data.source } : {}),
    bodyMarkdown: body,
  };
  return event;
}

/** Inspectorates, scales and frameworks built once, with the crosswalks traced between them. */
export interface Definitions {
  index: ReturnType<typeof buildFrameworkIndex>;
  crosswalks: Crosswalks;
}

/** The definitions of a model already built, to build more of it with (src/preview/update-model.ts). */
export function definitionsOf(model: SiteModel): Definitions {
  return {
    index: {
      inspectorates: new Map(model.inspectorates.map((inspectorate) => [inspectorate.id, inspectorate])),
      scales: new Map(model.scales.map((scale) => [scale.id, scale])),
      frameworks: new Map(model.frameworks.map((framework) => [framework.id, framework])),
    },
    crosswalks: model.crosswalks,
  };
}

/**
 * The model of `content`. With `definitions` (those `content`'s inspectorates, scales
 * and frameworks were built into before), they are used as they are: what is built
 * refers to the same framework objects as the model they came from.
 */
export function buildModel(content: ModelSource, definitions?: Definitions): SiteModel {
  const { inspectorates, scales, frameworks } = definitions?.index ?? buildFrameworkIndex(content);
  const organisations = buildOrganisations(content);
  const previousNamed = new Map<Inspection, string | undefined>();
  const made = new Set<Inspection>();
  const inspections = content.inspections.map((entry) => {
    const inspection = buildInspection(entry, organisations, frameworks);
    previousNamed.set(inspection, entry.data.previous);
    if (entry.data.title === undefined) made.add(inspection);
    return inspection;
  });
  titlesByDay(inspections, made);
  const crosswalks = definitions?.crosswalks ?? crosswalkCache();
  linkPreviousInspections(inspections, (inspection) => previousNamed.get(inspection));
  linkRatings(inspections, crosswalks);
  for (const inspection of inspections) {
    if (inspection.previous) inspection.comparison = compareInspections(inspection, inspection.previous, crosswalks);
  }
  const events = content.events.map((entry) => buildEvent(entry, organisations));

  inspections.sort(chronological);
  for (const inspection of inspections) inspection.organisation.inspections.push(inspection);
  for (const event of events) event.organisation.events.push(event);
  for (const organisation of organisations.values()) {
    organisation.events.sort((a, b) => a.period.start.localeCompare(b.period.start) || a.id.localeCompare(b.id));
    organisation.timeline = buildTimeline(organisation.inspections, organisation.events);
  }

  return {
    inspectorates: [...inspectorates.values()].sort((a, b) => a.shortName.localeCompare(b.shortName)),
    scales: [...scales.values()],
    frameworks: [...frameworks.values()].sort(
      (a, b) =>
        a.inspectorate.id.localeCompare(b.inspectorate.id) ||
        a.inForce.from.localeCompare(b.inForce.from) ||
        a.id.localeCompare(b.id),
    ),
    organisations: [...organisations.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
    inspections: [...inspections].reverse(),
    events,
    crosswalks,
  };
}
