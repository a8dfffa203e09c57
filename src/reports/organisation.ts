/**
 * Which organisation a report is about. Reports name a council several ways over the
 * years ("Oxfordshire County Council" in 2014 and 2018, "Oxfordshire" in 2024; "London
 * Borough of Barnet", then "Barnet"; "Bristol City of"), so names are compared by their
 * core: the place, without "County Council", "London Borough of" and the like.
 */
import { slugify } from "../content/ids.ts";
import { compact } from "./words.ts";

const PREFIXES = [
  "the ",
  "london borough of ",
  "royal borough of ",
  "metropolitan borough of ",
  "borough of ",
  "council of the ",
  "city and county of ",
];
const SUFFIXES = [
  " metropolitan borough council",
  " metropolitan district council",
  " borough council",
  " county council",
  " city council",
  " district council",
  " council",
  " corporation",
  " city of",
  " city",
];

/** The place a council's name is about, as written: "London Borough of Barnet" -> "Barnet". */
export function placeName(name: string): string {
  let core = name.replace(/\s+/g, " ").replace(/,/g, "").trim();
  for (let changed = true; changed;) {
    changed = false;
    for (const prefix of PREFIXES) {
      if (core.toLowerCase().startsWith(prefix) && core.length > prefix.length) {
        core = core.slice(prefix.length);
        changed = true;
      }
    }
    for (const suffix of SUFFIXES) {
      if (core.toLowerCase().endsWith(suffix) && core.length > suffix.length) {
        core = core.slice(0, -suffix.length);
        changed = true;
      }
    }
  }
  return core.trim();
}

/** The compact forms a name may be known by: its place, and without "City of" ("City of York" and "York"). */
function cores(name: string): string[] {
  const place = placeName(name);
  const forms = [compact(place)];
  if (/^city of /i.test(place)) forms.push(compact(place.slice(8)));
  return forms;
}

/** Whether two names are the same council's: "London Borough of Barnet" and "barnet", "City of London" and "london corporation". */
export function sameOrganisation(a: string, b: string): boolean {
  const forms = new Set(cores(a));
  return cores(b).some((form) => forms.has(form));
}

/** The id of the organisation in the content that a report's authority names, if exactly one matches. */
export function matchOrganisation(
  authority: string,
  organisations: readonly { id: string; name: string }[],
): string | undefined {
  const wanted = new Set(cores(authority));
  const matches = organisations.filter(
    ({ id, name }) => cores(name).some((form) => wanted.has(form)) || wanted.has(compact(id)),
  );
  return matches.length === 1 ? matches[0]!.id : undefined;
}

/** The id a new organisation gets: its place's name as an address ("Royal Borough of Kingston upon Thames" -> "kingston-upon-thames"). */
export function organisationId(authority: string): string {
  return slugify(placeName(authority));
}
