/**
 * The mapping file: which CSV columns hold what, and how raw cell values become the
 * content format's ids. It is YAML, read with the same reader as content files, so a
 * mistake in it is reported the same way: file, line, field, what is wrong and what
 * would be right. See docs/importing.md for every key.
 *
 * Checked in two steps: `parseMapping` checks the file's own shape (no other file
 * needed); `checkMappingAgainst` checks the ids it names against the frameworks and
 * scales in the content folder, and `missingColumns` against the CSV's header.
 */
import { z } from "zod";
import { sentences, type ContentProblem } from "../../content/problems.ts";
import { readSource, type FieldPath, type SourceFile } from "../../content/read-file.ts";
import { checkAgainstSchema, fieldName } from "../../content/schema-problems.ts";
import type { FrameworkData, ScaleData } from "../../content/schema.ts";
import { isoDate, slug, text } from "../../content/schema.ts";
import { didYouMean, listOf } from "../../content/suggest.ts";
import { DateTime } from "luxon";
import { templateColumns } from "./template.ts";

const column = z.string().trim().min(1, "a column name from the CSV's first line");

/** A luxon format such as dd/MM/yyyy; several are tried in order. */
const dateColumn = z.strictObject({
  column,
  format: z
    .union([text, z.array(text).min(1)])
    .describe("Luxon format tokens, like dd/MM/yyyy; a list is tried in order"),
});

/** Text with `{column}` in it, each replaced by the row's cell (template.ts). */
const template = z.strictObject({
  template: text.describe("Text with {column} for a cell of the row, like https://example.org/services?id={id}"),
});

/** One column, or a list: the first is where the grade is; the others where a source sometimes shows the same grading instead. */
const gradeColumns = z.union([column, z.array(column).min(1)]);

const kindValues = {
  values: z.record(z.string(), slug).default({}).describe("Raw cell value -> kind id of the framework"),
  ifEmpty: slug.optional().describe("The kind id for an empty cell; without it, a row with an empty cell is skipped"),
};

const gradeActions = ["leave-out", "unknown"] as const;

export const mappingSchema = z.strictObject({
  about: text.optional().describe("What the mapping is for, for people reading it"),
  definitions: text
    .optional()
    .describe(
      "A folder (relative to the mapping file) of inspectorates/, scales/ and frameworks/ to copy into a content folder that has no frameworks; without it, the project's content/",
    ),
  join: z
    .array(
      z.strictObject({
        file: text.describe("Another CSV, relative to the imported CSV's folder"),
        on: column.describe("The column of the imported CSV holding the key"),
        key: column.optional().describe("The column of the other CSV holding the key; the same name when left out"),
        as: slug.describe("Its columns are read as <as>.<column>"),
      }),
    )
    .default([])
    .describe("Other CSVs with more about each row, one row per key"),
  history: z
    .strictObject({
      key: column.describe("The column that tells one organisation's rows from another's"),
      relabelled: z
        .record(column, column)
        .default({})
        .describe(
          "Grade column -> an earlier column whose grade the source may show under it again, once the earlier one is empty",
        ),
    })
    .optional()
    .describe(
      "Each row is a grading: the grades in force when it was published, some given at earlier inspections (importing.md)",
    ),
  organisation: z.strictObject({
    name: column,
    nameStyle: z.enum(["as-written", "title-case"]).default("as-written"),
    id: column.optional().describe("A column holding the organisation's id; without it the id is made from the name"),
    kind: z.union([
      z.strictObject({ value: text }),
      z.strictObject({
        column,
        detail: z
          .record(text, column)
          .default({})
          .describe(
            "A kind -> a column whose value is added to it in brackets, for a kind whose frameworks judge areas that apply to some of its organisations only: 'Care Home Service': service.Subtype gives 'Care Home Service (Children & Young People)'",
          ),
      }),
    ]),
    region: column.optional(),
    regionNames: z
      .record(text, text)
      .default({})
      .describe(
        "A region as the CSV may write it -> the one name it is written as, like 'Edinburgh, City of': City of Edinburgh",
      ),
    lastKnownOpen: dateColumn
      .optional()
      .describe(
        "The column with the last day the source listed the organisation (a datastore's monthly snapshot): one listed on the latest day in the column is open, any other closed after its day",
      ),
    website: column.optional(),
    codes: z
      .strictObject({ ons: column.optional(), ofstedUrn: column.optional(), careInspectorate: column.optional() })
      .optional(),
    reports: template.optional().describe("The inspectorate's page for the organisation, listing its reports"),
    details: z
      .array(z.strictObject({ label: text, template: text }))
      .default([])
      .describe("Lines of the organisation file's text, each left out when a cell it names is empty"),
  }),
  visit: z.strictObject({ start: dateColumn, end: dateColumn }),
  published: dateColumn.optional(),
  report: z.union([column, template]).optional(),
  leadInspector: column.optional(),
  kind: z.union([
    z.strictObject({ column, ...kindValues }),
    z.strictObject({ value: slug.describe("The kind id of every row") }),
  ]),
  framework: z.union([
    z.strictObject({
      byDate: z
        .array(z.strictObject({ from: isoDate.optional(), to: isoDate.optional(), framework: slug }))
        .min(1)
        .describe("Chosen by the visit's first day: the first range that contains it"),
    }),
    z.strictObject({
      column,
      values: z
        .record(z.string(), z.union([slug, z.array(slug).min(1)]))
        .describe(
          "Raw cell value -> framework id, or a list: the newest of them in force whose columns hold the row's grades",
        ),
      ifEmpty: z.union([slug, z.array(slug).min(1)]).optional(),
    }),
  ]),
  frameworks: z.record(
    slug,
    z.strictObject({
      kind: z.strictObject(kindValues).optional().describe("Replaces the top-level kind values for this framework"),
      areas: z
        .record(slug, gradeColumns)
        .describe(
          "Area id of this framework -> the column holding its grade, or a list: the others are read when none of the framework's first columns holds a grade",
        ),
    }),
  ),
  undated: z
    .strictObject({
      reportWithinMonths: z
        .number()
        .int()
        .min(0)
        .default(12)
        .describe("A report is published within this many months of its visit"),
    })
    .default({ reportWithinMonths: 12 })
    .describe(
      "Rows without visit dates are placed by their publication date; the frameworks in force in this many months before it are the candidates",
    ),
  grades: z.strictObject({
    values: z.record(z.string(), slug).describe("Raw cell value -> grade or state id on the framework's scale"),
    leaveOut: z.record(z.string(), text).default({}).describe("Raw values meaning 'not judged': left out, no review"),
    unknown: z
      .record(z.string(), text)
      .default({})
      .describe("Raw values meaning 'unknown': left out and flagged for review"),
    ifEmpty: z.enum(gradeActions).default("unknown"),
  }),
});

export type MappingData = z.output<typeof mappingSchema>;

/** How cell values are compared with the mapping's keys: trimmed, spaces collapsed, lower case. */
export function normaliseValue(raw: string): string {
  return raw.trim().replace(/\s+/g, " ").toLowerCase();
}

export type GradeOutcome =
  | { type: "grade"; id: string }
  | { type: "leave-out"; note: string }
  | { type: "unknown"; note: string }
  | { type: "unmapped" };

export interface KindMap {
  values: Map<string, string>;
  ifEmpty?: string;
}

/** The mapping, checked, with its value maps ready to look raw cells up in. */
export interface Mapping {
  data: MappingData;
  /** Where it was read from, relative to the project, for messages. */
  path: string;
  grade(raw: string): GradeOutcome;
  kindsFor(frameworkId: string): KindMap;
  /** A framework id, or a list to choose from by the row's grades (rows.ts). */
  frameworkFor(raw: string): string | string[] | undefined;
  /** Every column the mapping reads. */
  columns(): { column: string; field: FieldPath }[];
  /** Where a field was written in the mapping file. */
  file: SourceFile;
}

function normalisedMap<T>(record: Record<string, T>): Map<string, T> {
  return new Map(Object.entries(record).map(([key, value]) => [normaliseValue(key), value]));
}

function sameKeyProblems(file: SourceFile, field: FieldPath, record: Record<string, unknown>): ContentProblem[] {
  const seen = new Map<string, string>();
  const problems: ContentProblem[] = [];
  for (const key of Object.keys(record)) {
    const normal = normaliseValue(key);
    const earlier = seen.get(normal);
    if (earlier !== undefined) {
      problems.push(
        problemAt(
          file,
          [...field, key],
          `'${key}' and '${earlier}' are the same value once case and spaces are ignored.`,
          "Keep one.",
        ),
      );
    } else seen.set(normal, key);
  }
  return problems;
}

export function problemAt(file: SourceFile, field: FieldPath, message: string, fix: string): ContentProblem {
  const { line, column: col } = file.locate(field);
  return { file: file.path, line, column: col, field: fieldName(field), message, fix };
}

/** The same raw value twice in one list, in two lists, or as an empty key. */
function valueListProblems(data: MappingData, file: SourceFile): ContentProblem[] {
  const { grades } = data;
  const problems = [
    ...sameKeyProblems(file, ["grades", "values"], grades.values),
    ...sameKeyProblems(file, ["grades", "leaveOut"], grades.leaveOut),
    ...sameKeyProblems(file, ["grades", "unknown"], grades.unknown),
    ...("values" in data.kind ? sameKeyProblems(file, ["kind", "values"], data.kind.values) : []),
  ];
  const lists: [string, Record<string, unknown>][] = [
    ["values", grades.values],
    ["leaveOut", grades.leaveOut],
    ["unknown", grades.unknown],
  ];
  lists.forEach(([nameA, a], i) => {
    const inA = new Set(Object.keys(a).map(normaliseValue));
    for (const [nameB, b] of lists.slice(i + 1)) {
      for (const key of Object.keys(b).filter((key) => inA.has(normaliseValue(key))))
        problems.push(
          problemAt(
            file,
            ["grades", nameB, key],
            `'${key}' is also listed under grades.${nameA}; a raw value can mean only one thing.`,
            "Keep it in one list.",
          ),
        );
    }
  });
  for (const kind of ["values", "leaveOut", "unknown"] as const) {
    if (Object.keys(grades[kind]).some((key) => normaliseValue(key) === "")) {
      problems.push(
        problemAt(
          file,
          ["grades", kind],
          "An empty key cannot stand for an empty cell.",
          "Say what an empty cell means with 'grades.ifEmpty' (leave-out or unknown), and remove the empty key.",
        ),
      );
    }
  }
  return problems;
}

/** Date ranges that end before they start, or overlap, so a visit date could choose two frameworks. */
function byDateProblems(data: MappingData, file: SourceFile): ContentProblem[] {
  if (!("byDate" in data.framework)) return sameKeyProblems(file, ["framework", "values"], data.framework.values);
  const problems: ContentProblem[] = [];
  const ranges = data.framework.byDate;
  ranges.forEach((range, index) => {
    if (range.from && range.to && range.to < range.from) {
      problems.push(
        problemAt(
          file,
          ["framework", "byDate", index, "to"],
          `The range ends (${range.to}) before it starts (${range.from}).`,
          "Correct one of the two dates.",
        ),
      );
    }
    ranges.slice(0, index).forEach((earlier, other) => {
      const overlap =
        (range.from ?? "0000-00-00") <= (earlier.to ?? "9999-99-99") &&
        (earlier.from ?? "0000-00-00") <= (range.to ?? "9999-99-99");
      if (overlap) {
        problems.push(
          problemAt(
            file,
            ["framework", "byDate", index],
            `This range overlaps the one for '${earlier.framework}' (item ${other + 1}): a visit date must choose one framework.`,
            "Make the ranges meet without overlapping.",
          ),
        );
      }
    });
  });
  return problems;
}

/** Date formats that cannot read a whole day. */
function dateFormatProblems(data: MappingData, file: SourceFile): ContentProblem[] {
  const dates: [FieldPath, { format: string | string[] }][] = [
    [["visit", "start"], data.visit.start],
    [["visit", "end"], data.visit.end],
  ];
  if (data.published) dates.push([["published"], data.published]);
  const problems: ContentProblem[] = [];
  for (const [field, spec] of dates) {
    for (const format of typeof spec.format === "string" ? [spec.format] : spec.format) {
      // A format that cannot print a date (letters luxon does not know) cannot read one either.
      const sample = DateTime.fromISO("2024-02-09", { zone: "utc" });
      const round = DateTime.fromFormat(sample.toFormat(format), format, { zone: "utc" });
      if (!round.isValid || round.toISODate() !== "2024-02-09") {
        problems.push(
          problemAt(
            file,
            [...field, "format"],
            `'${format}' is not a date format that reads a whole day.`,
            "Use luxon's tokens: dd/MM/yyyy, d/M/yy, yyyy-MM-dd, d MMMM yyyy.",
          ),
        );
      }
    }
  }
  return problems;
}

/** Checks what can be checked from the mapping file alone. */
function shapeProblems(data: MappingData, file: SourceFile): ContentProblem[] {
  return [...valueListProblems(data, file), ...byDateProblems(data, file), ...dateFormatProblems(data, file)];
}

/** The mapping when its shape is right (even with other problems, so every problem can be listed at once). */
export interface MappingResult {
  mapping?: Mapping;
  problems: ContentProblem[];
}

/** Reads a mapping file's bytes; `path` is how messages name it. */
export function parseMapping(path: string, bytes: Uint8Array): MappingResult {
  const read = readSource(path, bytes, "yaml");
  if (!read.ok || read.problems.length > 0) return { problems: read.problems };
  const file = read.file;
  if (file.data === null || typeof file.data !== "object" || Array.isArray(file.data)) {
    return {
      problems: [
        problemAt(
          file,
          [],
          "A mapping file is a group of fields, and this one is not.",
          "Write its fields, one per line: organisation, visit, kind, framework, frameworks, grades.",
        ),
      ],
    };
  }
  const checked = checkAgainstSchema(mappingSchema, file);
  if (!checked.ok) return { problems: checked.problems };
  const data = checked.data;
  const kinds = kindReader(data);
  const frameworkValues =
    "byDate" in data.framework ? new Map<string, string | string[]>() : normalisedMap(data.framework.values);
  const mapping: Mapping = {
    data,
    path,
    file,
    grade: gradeReader(data),
    kindsFor: kinds,
    frameworkFor(raw) {
      const value = normaliseValue(raw);
      if (value === "" && !("byDate" in data.framework)) return data.framework.ifEmpty;
      return frameworkValues.get(value);
    },
    columns: () => columnsOf(data),
  };
  return { mapping, problems: shapeProblems(data, file) };
}

/** What a raw grade cell means: a grade's id, a value to leave out, an unknown grade, or none the mapping knows. */
function gradeReader(data: MappingData): Mapping["grade"] {
  const grades = normalisedMap(data.grades.values);
  const leaveOut = normalisedMap(data.grades.leaveOut);
  const unknown = normalisedMap(data.grades.unknown);
  return (raw) => {
    const value = normaliseValue(raw);
    if (value === "") {
      return data.grades.ifEmpty === "unknown"
        ? { type: "unknown", note: "the cell is empty" }
        : { type: "leave-out", note: "the cell is empty" };
    }
    const id = grades.get(value);
    if (id !== undefined) return { type: "grade", id };
    const left = leaveOut.get(value);
    if (left !== undefined) return { type: "leave-out", note: left };
    const unread = unknown.get(value);
    if (unread !== undefined) return { type: "unknown", note: unread };
    return { type: "unmapped" };
  };
}

/** The kind values of each framework: its own, or the mapping's top-level ones. */
function kindReader(data: MappingData): Mapping["kindsFor"] {
  const kindMap = (spec: { values: Record<string, string>; ifEmpty?: string | undefined }): KindMap => {
    const map: KindMap = { values: normalisedMap(spec.values) };
    if (spec.ifEmpty) map.ifEmpty = spec.ifEmpty;
    return map;
  };
  // A kind given as a value is every row's: the kind of an empty cell, as no column is read.
  const topKinds = "value" in data.kind ? kindMap({ values: {}, ifEmpty: data.kind.value }) : kindMap(data.kind);
  const kinds = new Map<string, KindMap>();
  for (const [id, framework] of Object.entries(data.frameworks))
    kinds.set(id, framework.kind ? kindMap(framework.kind) : topKinds);
  return (frameworkId) => kinds.get(frameworkId) ?? topKinds;
}

/** An area's grade columns as a list: the first, then any others. */
export function columnList(columns: string | readonly string[]): readonly string[] {
  return typeof columns === "string" ? [columns] : columns;
}

function addTemplate(add: (name: string, field: FieldPath) => void, template: string, field: FieldPath): void {
  for (const name of templateColumns(template)) add(name, field);
}

/** Every column the mapping reads, with the field that names it. */
function columnsOf(data: MappingData): { column: string; field: FieldPath }[] {
  const used: { column: string; field: FieldPath }[] = [];
  const add = (name: string | undefined, field: FieldPath) => {
    if (name !== undefined) used.push({ column: name, field });
  };
  const org = data.organisation;
  add(org.name, ["organisation", "name"]);
  add(org.id, ["organisation", "id"]);
  if ("column" in org.kind) {
    add(org.kind.column, ["organisation", "kind", "column"]);
    for (const [value, column] of Object.entries(org.kind.detail))
      add(column, ["organisation", "kind", "detail", value]);
  }
  add(org.region, ["organisation", "region"]);
  add(org.lastKnownOpen?.column, ["organisation", "lastKnownOpen", "column"]);
  add(org.website, ["organisation", "website"]);
  add(org.codes?.ons, ["organisation", "codes", "ons"]);
  add(org.codes?.ofstedUrn, ["organisation", "codes", "ofstedUrn"]);
  add(data.visit.start.column, ["visit", "start", "column"]);
  add(data.visit.end.column, ["visit", "end", "column"]);
  add(data.published?.column, ["published", "column"]);
  if (typeof data.report === "string") add(data.report, ["report"]);
  else if (data.report) addTemplate(add, data.report.template, ["report", "template"]);
  if (org.reports) addTemplate(add, org.reports.template, ["organisation", "reports", "template"]);
  add(org.codes?.careInspectorate, ["organisation", "codes", "careInspectorate"]);
  org.details.forEach((detail, index) =>
    addTemplate(add, detail.template, ["organisation", "details", index, "template"]),
  );
  add(data.leadInspector, ["leadInspector"]);
  if ("column" in data.kind) add(data.kind.column, ["kind", "column"]);
  if (!("byDate" in data.framework)) add(data.framework.column, ["framework", "column"]);
  data.join.forEach((join, index) => add(join.on, ["join", index, "on"]));
  if (data.history) add(data.history.key, ["history", "key"]);
  for (const [later, earlier] of Object.entries(data.history?.relabelled ?? {})) {
    add(later, ["history", "relabelled", later]);
    add(earlier, ["history", "relabelled", later]);
  }
  for (const [id, framework] of Object.entries(data.frameworks)) {
    for (const [area, names] of Object.entries(framework.areas))
      for (const name of columnList(names)) add(name, ["frameworks", id, "areas", area]);
  }
  return used;
}

/** The frameworks the mapping can choose. */
export function chosenFrameworks(mapping: Mapping): { id: string; field: FieldPath }[] {
  const { framework } = mapping.data;
  if ("byDate" in framework)
    return framework.byDate.map((range, index) => ({
      id: range.framework,
      field: ["framework", "byDate", index, "framework"],
    }));
  const each = (value: string | string[], field: FieldPath) =>
    typeof value === "string" ? [{ id: value, field }] : value.map((id, index) => ({ id, field: [...field, index] }));
  const ids = Object.entries(framework.values).flatMap(([raw, value]) => each(value, ["framework", "values", raw]));
  if (framework.ifEmpty) ids.push(...each(framework.ifEmpty, ["framework", "ifEmpty"]));
  return ids;
}

export interface Definitions {
  frameworks: Map<string, FrameworkData>;
  scales: Map<string, ScaleData>;
}

type Framework = FrameworkData;

function missingFramework(mapping: Mapping, definitions: Definitions, id: string, field: FieldPath): ContentProblem {
  const known = [...definitions.frameworks.keys()];
  return problemAt(
    mapping.file,
    field,
    `There is no framework '${id}' in the content folder's frameworks/.`,
    sentences(didYouMean(id, known), `Frameworks: ${listOf(known)}.`),
  );
}

/** Every framework the mapping can choose exists and has its own entry; a date range stays within its framework's period. */
function choiceProblems(mapping: Mapping, definitions: Definitions): ContentProblem[] {
  const { data, file } = mapping;
  const problems: ContentProblem[] = [];
  for (const { id, field } of chosenFrameworks(mapping)) {
    if (!definitions.frameworks.has(id)) problems.push(missingFramework(mapping, definitions, id, field));
    else if (!data.frameworks[id]) {
      problems.push(
        problemAt(
          file,
          field,
          `'${id}' can be chosen, but has no entry under 'frameworks:'.`,
          "Add one saying which column holds each of its areas' grades.",
        ),
      );
    }
  }
  if (!("byDate" in data.framework)) return problems;
  data.framework.byDate.forEach((range, index) => {
    const framework = definitions.frameworks.get(range.framework);
    if (!framework) return;
    const { from, to } = framework.inForce;
    if ((range.from ?? "0000-00-00") < from || (to !== undefined && (range.to ?? "9999-99-99") > to)) {
      problems.push(
        problemAt(
          file,
          ["framework", "byDate", index],
          `${framework.shortName} was in force from ${from}${to ? ` to ${to}` : " on"}; this range (${range.from ?? "any time"} to ${range.to ?? "any time"}) goes beyond that, so some visits would be filed under a framework that did not apply.`,
          "Narrow it.",
        ),
      );
    }
  });
  return problems;
}

/** A framework's entry names only its own areas, and kinds it has. */
function entryProblems(mapping: Mapping, id: string, framework: Framework): ContentProblem[] {
  const { data, file } = mapping;
  const spec = data.frameworks[id]!;
  const problems: ContentProblem[] = [];
  const areaIds = framework.areas.map((area) => area.id);
  for (const area of Object.keys(spec.areas).filter((area) => !areaIds.includes(area))) {
    problems.push(
      problemAt(
        file,
        ["frameworks", id, "areas", area],
        `'${area}' is not an area of ${framework.shortName}.`,
        sentences(didYouMean(area, areaIds), `Its areas: ${listOf(areaIds)}.`),
      ),
    );
  }
  const kindIds = framework.kinds.map((kind) => kind.id);
  const kindSpec = spec.kind ?? data.kind;
  const kindField: FieldPath = spec.kind ? ["frameworks", id, "kind"] : ["kind"];
  const targets: [FieldPath, string][] =
    "value" in kindSpec
      ? [[[...kindField, "value"], kindSpec.value]]
      : Object.entries(kindSpec.values).map(([raw, kind]) => [[...kindField, "values", raw], kind]);
  if ("ifEmpty" in kindSpec && kindSpec.ifEmpty) targets.push([[...kindField, "ifEmpty"], kindSpec.ifEmpty]);
  for (const [field, kind] of targets.filter(([, kind]) => !kindIds.includes(kind))) {
    const hint = spec.kind ? "" : `Give ${framework.shortName} its own values under 'frameworks.${id}.kind'.`;
    problems.push(
      problemAt(
        file,
        field,
        `${framework.shortName} has no kind '${kind}'.`,
        sentences(didYouMean(kind, kindIds), `Its kinds: ${listOf(kindIds)}.`, hint),
      ),
    );
  }
  return problems;
}

/** Grade values are shared by every framework, so each scale they are used with must have them. */
function gradeValueProblems(mapping: Mapping, definitions: Definitions): ContentProblem[] {
  const { data, file } = mapping;
  const users = new Map<string, string[]>();
  for (const id of Object.keys(data.frameworks)) {
    const framework = definitions.frameworks.get(id);
    if (framework) users.set(framework.scale, [...(users.get(framework.scale) ?? []), framework.shortName]);
  }
  const problems: ContentProblem[] = [];
  for (const [scaleId, frameworks] of users) {
    const scale = definitions.scales.get(scaleId);
    if (!scale) continue; // the content check reports a framework whose scale is missing
    const outcomes = [...scale.grades, ...scale.states].map((outcome) => outcome.id);
    for (const [raw, grade] of Object.entries(data.grades.values).filter(([, grade]) => !outcomes.includes(grade))) {
      problems.push(
        problemAt(
          file,
          ["grades", "values", raw],
          `'${grade}' is not a grade or state on the ${scale.name}, which ${frameworks.join(", ")} ${frameworks.length === 1 ? "uses" : "use"}.`,
          sentences(didYouMean(grade, outcomes), `Allowed: ${listOf(outcomes)}.`),
        ),
      );
    }
  }
  return problems;
}

/** Checks every id the mapping names against the frameworks and scales it will be used with. */
export function checkMappingAgainst(mapping: Mapping, definitions: Definitions): ContentProblem[] {
  const problems = choiceProblems(mapping, definitions);
  for (const id of Object.keys(mapping.data.frameworks)) {
    const framework = definitions.frameworks.get(id);
    if (framework) problems.push(...entryProblems(mapping, id, framework));
    else problems.push(missingFramework(mapping, definitions, id, ["frameworks", id]));
  }
  problems.push(...gradeValueProblems(mapping, definitions));
  return dedupe(problems);
}

function dedupe(problems: ContentProblem[]): ContentProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.line}:${problem.column}:${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Columns the mapping reads that the CSV does not have. */
export function missingColumns(mapping: Mapping, header: readonly string[]): ContentProblem[] {
  const have = new Set(header);
  return mapping
    .columns()
    .filter(({ column: name }) => !have.has(name))
    .map(({ column: name, field }) =>
      problemAt(
        mapping.file,
        field,
        `The CSV has no column '${name}'.`,
        sentences(didYouMean(name, header), `Its columns: ${header.join(", ")}.`),
      ),
    );
}
