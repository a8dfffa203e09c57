/** Reading the values `npm run new` is given, with the content format's own rules. */
import type { ContentSet } from "../../content/content-set.ts";
import { ID_RULE, isId, slugify } from "../../content/ids.ts";
import { isoDate } from "../../content/schema.ts";
import { closest, didYouMean, listOf } from "../../content/suggest.ts";
import { accept, refuse, type Parsed } from "./answers.ts";

export function day(text: string): Parsed<string> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return refuse(`'${text}' is not a date written YYYY-MM-DD, like 2025-06-02.`);
  if (!isoDate.safeParse(text).success) return refuse(`${text} is not a day in the calendar.`);
  return accept(text);
}

export function dayOnOrAfter(earliest: string, what: string): (text: string) => Parsed<string> {
  return (text) => {
    const parsed = day(text);
    if (parsed.ok && parsed.value < earliest) return refuse(`${what} cannot be before ${earliest}.`);
    return parsed;
  };
}

/** A file name (without .md), which becomes part of a web address. */
export function fileName(text: string): Parsed<string> {
  const bare = text.replace(/\.(md|ya?ml)$/, "");
  if (isId(bare)) return accept(bare);
  const fixed = slugify(bare);
  return refuse(
    `'${text}' cannot be a file name: it becomes part of a web address, so ${ID_RULE}${fixed ? `, like '${fixed}'` : ""}.`,
  );
}

export function text(what: string): (answer: string) => Parsed<string> {
  return (answer) => (answer.trim() === "" ? refuse(`${what} cannot be empty.`) : accept(answer.trim()));
}

/** An organisation by its id, or by its name as written in its file. */
export function organisation(content: Pick<ContentSet, "organisations">): (text: string) => Parsed<string> {
  return (answer) => {
    const ids = content.organisations.map((entry) => entry.id);
    const asId = slugify(answer);
    if (ids.includes(asId)) return accept(asId);
    const byName = content.organisations.find((entry) => entry.data.name.toLowerCase() === answer.toLowerCase());
    if (byName) return accept(byName.id);
    const names = content.organisations.map((entry) => entry.data.name);
    const nameMatch = closest(answer, names);
    const hint = nameMatch
      ? ` Did you mean '${content.organisations.find((entry) => entry.data.name === nameMatch)!.id}' (${nameMatch})?`
      : didYouMean(answer, ids);
    return refuse(
      `There is no organisation '${answer}'.${hint} Give its file name in organisations/ (without .md)${ids.length <= 12 && ids.length > 0 ? `: ${listOf(ids)}` : ""}, or add it first with npm run new -- organisation.`,
    );
  };
}

/** One of a fixed list of ids. */
export function oneOf(ids: readonly string[], what: string): (text: string) => Parsed<string> {
  return (answer) =>
    ids.includes(answer)
      ? accept(answer)
      : refuse(`'${answer}' is not ${what}.${didYouMean(answer, ids)} One of: ${listOf(ids)}.`);
}

/** Labels and names go into YAML comments, which end at the end of the line. */
export const oneLine = (label: string): string => label.replace(/\s+/g, " ").trim();
