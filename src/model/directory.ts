/**
 * The organisations grouped for browsing: by the first letter of their name (the A to Z),
 * by region (the Care Inspectorate's council areas, Ofsted's regions) and by kind (a type
 * of care service, a kind of council). Each group's organisations are in name order, each
 * group has an address-safe key of its own, and an organisation with no region is in no
 * region's group. Computed once per build, in one pass.
 */
import type { Organisation } from "./types.ts";

export interface OrganisationGroup {
  /** Lower-case letters, digits and hyphens: unique within its kind of grouping. */
  key: string;
  /** As readers see it: "B", "Glasgow City", "Care Home Service". */
  label: string;
  /** In name order. */
  organisations: Organisation[];
}

export interface OrganisationDirectory {
  /** Every organisation in name order. */
  all: Organisation[];
  /** By first letter, A to Z, then "0-9" and "Other" for names that start otherwise. */
  letters: OrganisationGroup[];
  regions: OrganisationGroup[];
  kinds: OrganisationGroup[];
}

/** One collator for every comparison: `localeCompare` with options makes one each call, which took most of the time at 10,000 names. */
const collator = new Intl.Collator("en-GB", { sensitivity: "base" });
const byName = (a: Organisation, b: Organisation): number =>
  collator.compare(a.name, b.name) || a.id.localeCompare(b.id);

/** A plain key for a label: accents dropped, lower case, runs of anything else as one hyphen. */
export function groupKey(label: string): string {
  const key = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return key || "other";
}

/** The letter an organisation is filed under: its name's first letter, "0-9", or "Other". */
export function letterOf(name: string): string {
  const first = name.trim().normalize("NFKD").charAt(0).toUpperCase();
  if (/[A-Z]/.test(first)) return first;
  return /[0-9]/.test(first) ? "0-9" : "Other";
}

/** Groups in label order (or `order`), keys made unique by a number where two labels would share one. */
function groupsOf(
  organisations: readonly Organisation[],
  labelOf: (organisation: Organisation) => string | undefined,
  order: (a: string, b: string) => number,
): OrganisationGroup[] {
  const groups = new Map<string, Organisation[]>();
  for (const organisation of organisations) {
    const label = labelOf(organisation)?.trim();
    if (!label) continue;
    const members = groups.get(label);
    if (members) members.push(organisation);
    else groups.set(label, [organisation]);
  }
  const used = new Set<string>();
  return [...groups.keys()].sort(order).map((label) => {
    const base = groupKey(label);
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
    used.add(key);
    return { key, label, organisations: groups.get(label)! };
  });
}

const byLabel = (a: string, b: string): number => collator.compare(a, b) || (a < b ? -1 : 1);
const letterOrder = (letter: string): string => (letter === "0-9" ? "~0" : letter === "Other" ? "~1" : letter);

export function organisationDirectory(organisations: readonly Organisation[]): OrganisationDirectory {
  const all = [...organisations].sort(byName);
  return {
    all,
    letters: groupsOf(
      all,
      (organisation) => letterOf(organisation.name),
      (a, b) => (letterOrder(a) < letterOrder(b) ? -1 : 1),
    ),
    regions: groupsOf(all, (organisation) => organisation.region, byLabel),
    kinds: groupsOf(all, (organisation) => organisation.kind, byLabel),
  };
}

/** The longest start a page of a long list is named by ("Abbeyfield…"). */
const START_LENGTH = 12;

/**
 * How each page of a list in name order is named by where it starts, as a dictionary's
 * thumb index does: the shortest start of its first name (two characters at least) that
 * the name before it, the last on the page before, does not share ("Ab", "Acorn", "Ad"),
 * cut at `START_LENGTH` with "…" when two pages start on one long name. Compared as the
 * list is ordered, without case or accents. `names` in list order; `pageSize` per page.
 */
export function pageStarts(names: readonly string[], pageSize: number): string[] {
  const starts: string[] = [];
  for (let first = 0; first < names.length; first += pageSize) {
    const name = names[first]!.trim();
    const before = first === 0 ? "" : names[first - 1]!.trim();
    let length = Math.min(2, name.length);
    while (length < name.length && collator.compare(name.slice(0, length), before.slice(0, length)) === 0) length++;
    // A start that ends in a space reads as a word: take the next letter too.
    while (length < name.length && name.charAt(length - 1) === " ") length++;
    starts.push(length > START_LENGTH ? `${name.slice(0, START_LENGTH - 1).trimEnd()}…` : name.slice(0, length));
  }
  return starts;
}
