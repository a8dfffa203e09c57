/**
 * Placeholders left in a file: words a writer puts where the real text will go (TODO,
 * TBC, XXX, lorem ipsum...) and the scaffold's own markers (`npm run new` writes `TODO`
 * for each grade), in any field or in the Markdown body. Such a file is not finished, and a
 * page built from it would tell readers that the lead inspector was "TODO".
 *
 * What counts, so that prose is never mistaken for one:
 * - anywhere, as a word of its own: TODO, FIXME, TBC, TBA, TBD and three or more X's, in
 *   capitals only (a quote may say "all" in Spanish, "todo", and "tbc" is not written in a
 *   report); and "lorem ipsum" in any case;
 * - a whole field of nothing but a placeholder, in any case: "tbc", "to be confirmed",
 *   "placeholder", "?", "...", "-", a template's `<name>`, `[name]` or `{{name}}`, or a web
 *   address of nothing but `https://` (the scaffold's `# website: https://`, uncommented).
 * Keys are never looked at (they are checked as field names and ids), nor YAML comments
 * (the scaffold's guidance lives there, and no page shows them). A grade left as a
 * placeholder is told where grades are checked, with the scale's grades
 * (validate-inspections.ts).
 */
import type { ContentProblem } from "./problems.ts";
import type { FieldPath, SourceFile } from "./read-file.ts";
import { fieldName } from "./schema-problems.ts";

/** A placeholder word inside text: capitals only, not part of a longer word. */
const IN_TEXT = /(?<![\p{L}\p{N}_])(?:TODO|FIXME|TBC|TBA|TBD|X{3,})(?![\p{L}\p{N}_])|\blorem\s+ipsum\b/giu;
const CAPITALS_ONLY = /^(?:TODO|FIXME|TBC|TBA|TBD|X{3,})$/u;

/** A whole field that is only a placeholder, in any case, with any punctuation around it. */
const WHOLE_WORDS = new Set([
  "todo",
  "to do",
  "fixme",
  "tbc",
  "tba",
  "tbd",
  "to be confirmed",
  "to be announced",
  "to be decided",
  "to be determined",
  "placeholder",
  "lorem ipsum",
]);
const ONLY_PUNCTUATION = /^[?.…_*–—-]+$/u;
const TEMPLATE = /^(?:<[^<>]+>|\[[^[\]]+\]|\{\{?[^{}]+\}?\}|https?:\/\/)$/u;
const WHOLE_LENGTH = 40;
const QUICK = /TODO|FIXME|TB[ACD]|XXX|lorem\s+ipsum/i;

/** `text` (trimmed) when it is nothing but a placeholder. */
function wholePlaceholder(trimmed: string): string | undefined {
  if (trimmed === "") return undefined;
  // Most short fields are ids, grades and dates: only a few words of those could be placeholders.
  if (/^[a-z0-9-]+$/.test(trimmed)) return WHOLE_WORDS.has(trimmed) || /^x{3,}$/.test(trimmed) ? trimmed : undefined;
  if (ONLY_PUNCTUATION.test(trimmed) || TEMPLATE.test(trimmed)) return trimmed;
  const bare = trimmed
    .replace(/^[\s([{<"'*_:-]+|[\s)\]}>"'*_:.!-]+$/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ");
  return WHOLE_WORDS.has(bare) || /^x{3,}$/.test(bare) ? trimmed : undefined;
}

/** The placeholder `text` holds (as written), or undefined. */
export function placeholderIn(text: string): string | undefined {
  // Whole-field placeholders are short; the words inside text are looked for only where a quick look finds one.
  if (text.length <= WHOLE_LENGTH) {
    const whole = wholePlaceholder(text.trim());
    if (whole !== undefined) return whole;
  }
  if (!QUICK.test(text)) return undefined;
  for (const match of text.matchAll(IN_TEXT)) {
    // The capital words are placeholders only in capitals: "todo" in a quote is a word.
    if (/^lorem/i.test(match[0]) || CAPITALS_ONLY.test(match[0])) return match[0];
  }
  return undefined;
}

/** What to write instead, for the fields editors fill in most. */
const WHAT_GOES_THERE: Record<string, string> = {
  summary: "one or two plain sentences a reader can take away, from the report",
  leadInspector: "the lead inspector's name as the report gives it, or delete the line (it is optional)",
  published: "the day the report was published, YYYY-MM-DD",
  report: "the link to the published report, https://...",
  title: "the page's title, or delete the line to have one made for you",
  name: "the name as readers know it",
  kind: "what sort of body it is, as other files write it",
  region: "its region, as other files write it, or delete the line",
  improvements: "what the report says must improve, in its words, or delete the item",
  judgements: "why it was not judged, as the report says",
  quotes: "the passage, quoted exactly from its source",
};

function fixFor(path: FieldPath): string {
  const top = String(path[0] ?? "");
  const what = WHAT_GOES_THERE[top] ?? "what the source says, or delete the field if it is optional and not known";
  return `Write ${what}.`;
}

function stringsIn(value: unknown, path: (string | number)[], found: [FieldPath, string][]): void {
  if (typeof value === "string") found.push([[...path], value]);
  else if (Array.isArray(value)) value.forEach((item, index) => stringsIn(item, [...path, index], found));
  else if (value !== null && typeof value === "object")
    for (const [key, item] of Object.entries(value)) stringsIn(item, [...path, key], found);
}

/** The placeholders in a file's fields, one problem each, at the field. */
function fieldPlaceholders(file: SourceFile): ContentProblem[] {
  const strings: [FieldPath, string][] = [];
  stringsIn(file.data, [], strings);
  const problems: ContentProblem[] = [];
  for (const [path, value] of strings) {
    // A grade is told with the scale's grades, when checked against its framework (validate-inspections.ts).
    if ((path[0] === "judgements" && path.length === 2) || (path[0] === "alsoInForce" && path.length === 3)) continue;
    const marker = placeholderIn(value);
    if (marker === undefined) continue;
    const { line, column } = file.locate(path);
    const field = fieldName(path);
    problems.push({
      file: file.path,
      line,
      column,
      field,
      message: `'${marker}' is a placeholder, not what the source says: the file is not finished.`,
      fix: fixFor(path),
      found: JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value),
    });
  }
  return problems;
}

/** The placeholders in a Markdown body, each at its line and column in the file. */
function bodyPlaceholders(file: SourceFile, bodyLine: number): ContentProblem[] {
  const problems: ContentProblem[] = [];
  if (!QUICK.test(file.body)) return problems;
  const lines = file.body.split("\n");
  lines.forEach((text, index) => {
    for (const match of text.matchAll(IN_TEXT)) {
      if (!/^lorem/i.test(match[0]) && !CAPITALS_ONLY.test(match[0])) continue;
      problems.push({
        file: file.path,
        line: bodyLine + index,
        column: match.index + 1,
        field: "body",
        message: `'${match[0]}' is a placeholder left in the text below the frontmatter: readers would see it.`,
        fix: "Write what it stands for, in your own words, or delete it.",
        found: JSON.stringify(match[0]),
      });
      return;
    }
  });
  return problems;
}

/** Every placeholder in a file read into data: in its fields, then in its Markdown, which starts on line `bodyLine`. */
export function placeholderProblems(file: SourceFile, bodyLine: number): ContentProblem[] {
  return [...fieldPlaceholders(file), ...bodyPlaceholders(file, bodyLine)];
}

/** The fields (as problems name them) that hold a placeholder: other problems about them say less. */
export function placeholderFields(problems: readonly ContentProblem[]): Set<string> {
  return new Set(problems.filter((problem) => problem.field !== "body").map((problem) => problem.field));
}
