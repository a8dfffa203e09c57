/**
 * Names written two ways: an organisation's region, kind or name that differs from
 * another's only in case, punctuation, spacing or accents ("South-East" beside "South
 * East"). Pages group organisations by region and by kind as written, so the two would make
 * two region pages (/regions/south-east/ and /regions/south-east-2/), and a framework's or
 * an area's `appliesTo` would miss the kind spelt the other way.
 *
 * For each group of spellings, the one to keep is the one the frameworks use in
 * `appliesTo` (for kinds), else the one most organisations use (`toKeep` has the whole
 * order); every file writing another spelling is told "Did you mean ...?". Two
 * organisations of one kind whose names differ so are told only when no code tells them
 * apart: two care services of one name with their own registration numbers are two.
 */
import type { ContentSet, Entry } from "./content-set.ts";
import type { ContentProblem } from "./problems.ts";
import type { OrganisationData } from "./schema.ts";
import { problemIn } from "./validate-frameworks.ts";

/**
 * What a name reads as once case, punctuation, spacing and accents are set aside:
 * "South-East" and "south east" are both "south east"; "&" is "and"; an apostrophe goes.
 */
export function nameKey(name: string): string {
  // Most names are plain ASCII: the Unicode steps, ten times slower, only for the others.
  const ascii = /^[\x20-\x7e]*$/.test(name);
  const letters = (ascii ? name : name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "")).toLowerCase().replace(/&/g, " and ").replace(/['\u2019]/g, "");
  return (ascii ? letters.replace(/[^a-z0-9]+/g, " ") : letters.replace(/[^\p{L}\p{N}]+/gu, " ")).trim();
}

type Field = "region" | "kind" | "name";

interface Spelling {
  text: string;
  entries: Entry<OrganisationData>[];
  declared: boolean;
}

/** Each group of two or more spellings that read the same, in the order first met. */
function spellingGroups(organisations: readonly Entry<OrganisationData>[], field: Field, declared: readonly string[]): Spelling[][] {
  const groups = new Map<string, Map<string, Spelling>>();
  const spelling = (text: string) => {
    const key = nameKey(text);
    if (key === "") return undefined;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = new Map()));
    let found = group.get(text);
    if (!found) group.set(text, (found = { text, entries: [], declared: false }));
    return found;
  };
  for (const text of declared) spelling(text)!.declared = true;
  for (const entry of organisations) {
    const value = entry.data[field];
    if (value !== undefined) spelling(value)?.entries.push(entry);
  }
  return [...groups.values()].map((group) => [...group.values()]).filter((group) => group.filter((one) => one.entries.length > 0 || one.declared).length > 1);
}

/** Spaces doubled, or at either end: never meant. */
const oddSpacing = (text: string): number => Number(/\s\s|^\s|\s$/.test(text));

/** How untidy a spelling looks, to choose between two used as often: punctuation inside it, all in one case. */
function untidiness(text: string): number {
  const punctuation = text.replace(/[\p{L}\p{N} ]/gu, "").length;
  const oneCase = /\p{L}/u.test(text) && (text === text.toLowerCase() || text === text.toUpperCase()) ? 2 : 0;
  return punctuation + oneCase;
}

/**
 * The spelling to keep: the one a framework's `appliesTo` writes; else one without odd
 * spacing; else the one most files write; else the tidiest ("South East" rather than
 * "South-East" or "south east"); else the one of the file that comes first.
 */
function toKeep(group: readonly Spelling[]): Spelling {
  const firstFile = (spelling: Spelling) => spelling.entries.map((entry) => entry.file.path).sort()[0] ?? "";
  return [...group].sort(
    (a, b) =>
      Number(b.declared) - Number(a.declared) ||
      oddSpacing(a.text) - oddSpacing(b.text) ||
      b.entries.length - a.entries.length ||
      untidiness(a.text) - untidiness(b.text) ||
      firstFile(a).localeCompare(firstFile(b)),
  )[0]!;
}

/** True when a code of the same kind tells the two organisations apart (two registration numbers). */
function toldApartByCodes(a: OrganisationData, b: OrganisationData): boolean {
  const codes = (data: OrganisationData) => Object.entries(data.codes ?? {}).map(([key, value]) => [key, String(value)] as const);
  const theirs = new Map(codes(b));
  return codes(a).some(([key, value]) => theirs.has(key) && theirs.get(key) !== value);
}

const WHAT: Record<Field, string> = {
  region: "they would make two region pages for one region",
  kind: "they would make two pages for one kind of organisation, and a framework's 'appliesTo' names one of them",
  name: "readers could not tell the two organisations apart",
};

function problemFor(entry: Entry<OrganisationData>, field: Field, keep: Spelling, like: Entry<OrganisationData> | undefined): ContentProblem {
  const written = entry.data[field]!;
  const more = keep.entries.length - 1;
  const where = like ? `as ${like.file.path}${more > 0 ? ` and ${more} more write it` : " writes it"}` : "as the frameworks' 'appliesTo' writes it";
  const fix =
    field === "name"
      ? `Did you mean '${keep.text}'? If the two are one organisation, keep one file and move its inspections and events to it; if not, name each as readers know it, so that they differ.`
      : `Did you mean '${keep.text}'? Write it the same way in every file.`;
  return problemIn(entry, [field], `'${written}' differs from '${keep.text}' (${where}) only in case, punctuation or spacing: ${WHAT[field]}.`, fix, `'${written}'`);
}

/** The problems of one field: every organisation not writing the spelling to keep. */
function fieldProblems(organisations: readonly Entry<OrganisationData>[], field: Field, declared: readonly string[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const group of spellingGroups(organisations, field, declared)) {
    const keep = toKeep(group);
    for (const spelling of group) {
      if (spelling === keep) continue;
      for (const entry of spelling.entries) {
        const alike = keep.entries.filter((other) => field !== "name" || (other.data.kind === entry.data.kind && !toldApartByCodes(other.data, entry.data)));
        if (field === "name" && alike.length === 0) continue;
        problems.push(problemFor(entry, field, keep, alike[0]));
      }
    }
  }
  return problems;
}

/** Regions, kinds and names of organisations written two ways. */
export function nearDuplicateProblems(content: Pick<ContentSet, "organisations" | "frameworks">): ContentProblem[] {
  const declaredKinds = content.frameworks.flatMap((entry) => [...(entry.data.appliesTo ?? []), ...entry.data.areas.flatMap((area) => area.appliesTo ?? [])]);
  return [
    ...fieldProblems(content.organisations, "region", []),
    ...fieldProblems(content.organisations, "kind", declaredKinds),
    ...fieldProblems(content.organisations, "name", []),
  ];
}
