/**
 * zod's issues rewritten for editors: where, which field, what was found, what is right.
 */
import type { z } from "zod";
import { describeValue, sentences, type ContentProblem } from "./problems.ts";
import type { FieldPath, SourceFile } from "./source-file.ts";
import { RESERVED_IDS } from "./ids.ts";
import { didYouMean, listOf } from "./suggest.ts";

type Issue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

const TYPE_NAMES: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list (one '- ' line per item)",
  object: "a group of fields, indented below it",
  record: "a group of fields, indented below it",
};

/** What to write instead, for each type a field can be. */
const TYPE_FIXES: Record<string, string> = {
  string: "Write the text after the colon, in quotes if it holds ': ' or starts with a quote or a bracket.",
  number: "Write a number without quotes, like 12 or 3.5.",
  int: "Write a whole number without quotes, like 12.",
  boolean: "Write true or false, without quotes.",
  array: "Write each item on a line of its own below it, starting '- '.",
  object: "Write its fields on the lines below it, each indented two spaces more.",
  record: "Write its fields on the lines below it, each indented two spaces more.",
};

/** What to do when a value is not in the form a field takes, by zod's issue code. */
function formFix(issue: Issue): string {
  if (issue.code === "custom" && typeof issue.params?.fix === "string") return issue.params.fix;
  if (issue.code === "too_big")
    return issue.origin === "string" ? "Shorten it." : "Remove some items.";
  if (issue.code === "too_small")
    return issue.origin === "string" ? "Write the text after the colon, or delete the line if the field is optional." : "Add the items that are missing.";
  return "Correct it to that form.";
}

export function fieldName(path: FieldPath): string {
  return path.reduce<string>((name, key) => (typeof key === "number" ? `${name}[${key}]` : name ? `${name}.${key}` : key), "");
}

function valueAt(data: unknown, path: FieldPath): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

type Def = { type: string } & Record<string, unknown>;
const defOf = (schema: AnySchema): Def => schema._zod.def as unknown as Def;

/** Looks through optional, default and pipe wrappers, and into the object branch of a union. */
function unwrap(schema: AnySchema | undefined): AnySchema | undefined {
  let cursor = schema;
  while (cursor) {
    const def = defOf(cursor);
    if (def.type === "optional" || def.type === "default" || def.type === "nullable") cursor = def.innerType as AnySchema;
    else if (def.type === "pipe") cursor = def.in as AnySchema;
    else if (def.type === "union") return (def.options as AnySchema[]).find((option) => defOf(option).type === "object") ?? cursor;
    else return cursor;
  }
  return cursor;
}

/** The fields an object accepts at a path, to suggest the one the editor meant. */
function objectKeysAt(schema: AnySchema, path: FieldPath): string[] {
  let current = unwrap(schema);
  for (const key of path) {
    if (!current) return [];
    const def = defOf(current);
    if (def.type === "object" && typeof key === "string") current = unwrap((def.shape as Record<string, AnySchema>)[key]);
    else if (def.type === "array") current = unwrap(def.element as AnySchema);
    else if (def.type === "record") current = unwrap(def.valueType as AnySchema);
    else return [];
  }
  const def = current ? defOf(current) : undefined;
  return def?.type === "object" ? Object.keys(def.shape as Record<string, unknown>) : [];
}

function problemAt(file: SourceFile, path: FieldPath, message: string, fix: string, found?: unknown): ContentProblem {
  const { line, column } = file.locate(path);
  const problem: ContentProblem = { file: file.path, line, column, field: fieldName(path), message, fix };
  if (found !== undefined) problem.found = describeValue(found);
  return problem;
}

function issueProblems(issue: Issue, file: SourceFile, schema: AnySchema): ContentProblem[] {
  const path = issue.path.filter((key): key is string | number => typeof key !== "symbol");
  const found = valueAt(file.data, path);
  switch (issue.code) {
    case "unrecognized_keys": {
      const allowed = objectKeysAt(schema, path);
      return issue.keys.map((key) =>
        problemAt(
          file,
          [...path, key],
          `'${key}' is not a field here.`,
          sentences(didYouMean(key, allowed), `Fields allowed here: ${allowed.join(", ")}.`),
        ),
      );
    }
    case "invalid_type": {
      if (found === undefined) {
        const name = String(path[path.length - 1] ?? "");
        return [problemAt(file, path, "This field is required and is missing.", `Add '${name}:' with its value.`)];
      }
      // Nothing after the colon (a line uncommented from npm run new's file): not "found null".
      if (found === null)
        return [problemAt(file, path, `is empty: it should be ${TYPE_NAMES[issue.expected] ?? issue.expected}.`, "Write its value after the colon, or delete the line if the field is optional.")];
      return [problemAt(file, path, `should be ${TYPE_NAMES[issue.expected] ?? issue.expected}.`, TYPE_FIXES[issue.expected] ?? "Correct its type.", found)];
    }
    case "invalid_value": {
      const values = issue.values.map(String);
      return [problemAt(file, path, `should be one of ${listOf(values)}.`, didYouMean(String(found), values).trim() || "Write one of them, exactly as it is shown.", found)];
    }
    case "invalid_key":
      if (RESERVED_IDS.has(String(path[path.length - 1])))
        return [problemAt(file, path, `'${String(path[path.length - 1])}' cannot be an id: JavaScript keeps the word for itself, so it would be found where it was never written.`, "Rename it: add a word, like 'constructor-role'.")];
      return [problemAt(file, path, "should be an id in lower case letters, digits and single hyphens, like 'help-and-protection'.", "Rename it in that form.")];
    case "invalid_union": {
      const branches = issue.errors.filter((branch) => branch.every((inner) => inner.code !== "invalid_type" || inner.path.length > 0));
      const best = branches[0] ?? issue.errors[0] ?? [];
      const inner = best.flatMap((innerIssue) => issueProblems({ ...innerIssue, path: [...issue.path, ...innerIssue.path] }, file, schema));
      return inner.length > 0 ? inner : [problemAt(file, path, "is not in a form this field accepts.", "See docs/content-format.md for the forms it takes.", found)];
    }
    default:
      return [problemAt(file, path, `should be ${issue.message}.`, formFix(issue), found)];
  }
}

/** Checks one file's data against its schema; returns the parsed data or the problems. */
export function checkAgainstSchema<S extends AnySchema>(
  schema: S,
  file: SourceFile,
): { ok: true; data: z.output<S> } | { ok: false; problems: ContentProblem[] } {
  const result = (schema as unknown as z.ZodType<z.output<S>>).safeParse(file.data);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, problems: result.error.issues.flatMap((issue) => issueProblems(issue as Issue, file, schema)) };
}
