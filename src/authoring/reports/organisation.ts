/**
 * Which organisation a report is about. Reports name a council several ways over the
 * years ("Oxfordshire County Council" in 2014 and 2018, "Oxfordshire" in 2024; "London
 * Borough of Barnet", then "Barnet"; "Bristol City of"), so names are compared by their
 * core: the place, without "County Council", "London Borough of" and the like.
 */
import { slugify } from "../../content/ids.ts";
import { compact } from "./words.ts";

const PREFIXES = [
  "the ",
  "county of ",
  "county ",
  "london borough of ",
  "royal borough of ",
  "metropolitan borough of ",
  "borough of ",
  "council of the ",
  "city and county of ",
];
const SUFFIXES = [
  " children's services trust",
  " childrens services trust",
  " children's trust",
  " childrens trust",
  " metropolitan borough council",
  " metropolitan district council",
  " borough council",
  " county council",
  " city council",
  " district council",
  " council",
  " metropolitan borough",
  " corporation",
  " city of",
  " city",
];

/** The place a council's name is about, as written: "London Borough of Barnet" -> "Barnet"; "&" read as "and". */
export function placeName(name: string): string {
  let core = name
    .replace(/\s*&\s*/g, " and ")
    .replace(/[’]/g, "'")
    .replace(/\s+/g, " ")
    .replace(/,/g, "")
    .trim();
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

/** A name's place, in compact form: "Telford & Wrekin Council" -> "telfordandwrekin". */
function coreOf(name: string): string {
  return compact(placeName(name));
}

/**
 * The short forms a place is also known by: without "City of" ("City of York": "York");
 * either side of "upon" ("Kingston upon Hull": "Hull"; "Newcastle upon Tyne":
 * "Newcastle"); the part before "of" ("East Riding of Yorkshire": "East Riding").
 */
function shortForms(name: string): string[] {
  const place = placeName(name).toLowerCase();
  const forms = [compact(place)];
  if (/^city of /.test(place)) forms.push(compact(place.slice(8)));
  const upon = /^(.+?) upon (.+)$/.exec(place);
  if (upon) forms.push(compact(upon[1]!), compact(upon[2]!));
  const of = /^(?!city |isles? )(.+?) of (.+)$/.exec(place);
  if (of) forms.push(compact(of[1]!));
  return forms;
}

/** Whether two names name the same place, short forms aside. */
export function sameCore(a: string, b: string): boolean {
  return coreOf(a) === coreOf(b);
}

/**
 * Whether two names are the same council's: "London Borough of Barnet" and "barnet",
 * "City of London" and "london corporation", "Telford & Wrekin" and "Telford and Wrekin
 * Council", "Hull City Council" and "kingston upon hull". One name's place must be the
 * other's or one of its short forms ("Kingston upon Hull" and "Kingston upon Thames" are
 * not the same, though both are "Kingston").
 */
export function sameOrganisation(a: string, b: string): boolean {
  const [coreA, coreB] = [coreOf(a), coreOf(b)];
  return coreA === coreB || shortForms(b).includes(coreA) || shortForms(a).includes(coreB);
}

/** The id of the organisation in the content that a report's authority names, if exactly one matches. */
export function matchOrganisation(
  authority: string,
  organisations: readonly { id: string; name: string }[],
): string | undefined {
  const exact = organisations.filter(
    ({ id, name }) => coreOf(name) === coreOf(authority) || compact(id) === coreOf(authority),
  );
  if (exact.length === 1) return exact[0]!.id;
  const matches = organisations.filter(({ name }) => sameOrganisation(name, authority));
  return matches.length === 1 ? matches[0]!.id : undefined;
}

/** The id a new organisation gets: its place's name as an address ("Royal Borough of Kingston upon Thames" -> "kingston-upon-thames"). */
export function organisationId(authority: string): string {
  return slugify(placeName(authority));
}
