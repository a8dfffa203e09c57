/**
 * `npm run new -- event`: a piece of context on an organisation's timeline, dated as
 * precisely as the editor knows it: a day, a month, a year, a financial year, or a range
 * written `from..to` (`2022-08..2024-02`).
 */
import { parsePeriod, parsePoint, type Period } from "../../model/dates.ts";
import { slugify } from "../../content/ids.ts";
import { accept, refuse, type Answers, type Parsed } from "./answers.ts";
import type { ScaffoldContent } from "./content.ts";
import { yamlLine } from "./organisation.ts";
import { fileName, organisation, text } from "./parse.ts";

export interface EventDate {
  /** As written: "2017", "2015-16", or a range's two ends. */
  written: string | { from: string; to: string };
  period: Period;
}

export interface EventPlan {
  organisation: string;
  title: string;
  date: EventDate;
  fileName: string;
}

const DATE_FORMS =
  "a day (2017-03-14), a month (2017-03), a year (2017), a financial year (2015-16), or a range from..to (2022-08..2024-02)";

export function eventDate(answer: string): Parsed<EventDate> {
  const [from, to, ...rest] = answer.split("..").map((part) => part.trim());
  if (to === undefined) {
    const period = parsePoint(from!);
    return period ? accept({ written: from!, period }) : refuse(`'${answer}' is not ${DATE_FORMS}.`);
  }
  if (rest.length > 0 || !parsePoint(from!) || !parsePoint(to)) return refuse(`'${answer}' is not ${DATE_FORMS}.`);
  const period = parsePeriod({ from: from!, to });
  return period
    ? accept({ written: { from: from!, to }, period })
    : refuse(`The range ${answer} ends before it starts.`);
}

/** Words that make a file name longer without telling events apart. */
const SMALL_WORDS = new Set(["a", "an", "the", "of", "and", "to", "in", "for", "on", "at", "by", "with"]);

/** "2017", "2015-16", "2022-24": how the sample names events, by when they happened. */
function datePrefix(period: Period): string {
  if (period.precision === "financial-year") return period.label;
  const first = period.start.slice(0, 4);
  const last = period.end.slice(0, 4);
  return first === last ? first : `${first}-${last.slice(2)}`;
}

export async function planEvent(answers: Answers, scaffold: ScaffoldContent): Promise<EventPlan> {
  const organisationId = await answers.get({
    option: "organisation",
    question: "Whose timeline is it on? (the organisation's file name, or its name)",
    what: "the organisation's file name in organisations/, without .md",
    parse: organisation(scaffold.content),
  });
  const title = await answers.get({
    option: "title",
    question: "What happened, in a short title?",
    what: "a short title, in quotes",
    parse: text("The title"),
  });
  const date = await answers.get({
    option: "date",
    question: "When (2017-03-14, 2017-03, 2017, 2015-16, or 2022-08..2024-02)?",
    what: DATE_FORMS,
    parse: eventDate,
  });
  const name = answers.given("file")
    ? await answers.get({ option: "file", question: "File name?", what: "the file name, without .md", parse: fileName })
    : [
        datePrefix(date.period),
        ...slugify(title)
          .split("-")
          .filter((word) => word && !SMALL_WORDS.has(word))
          .slice(0, 4),
      ].join("-");
  return { organisation: organisationId, title, date, fileName: name };
}

export const eventPath = (plan: EventPlan): string => `events/${plan.organisation}/${plan.fileName}.md`;

export function eventText(plan: EventPlan): string {
  const { written } = plan.date;
  const date =
    typeof written === "string" ? [`date: ${written}`] : ["date:", `  from: ${written.from}`, `  to: ${written.to}`];
  return [
    "---",
    `organisation: ${plan.organisation}`,
    yamlLine("title", plan.title),
    `# ${plan.date.period.label}`,
    ...date,
    "# Where a reader can check it (optional):",
    "# source:",
    "#   name: ",
    "#   url: https://",
    "# Below the closing line: what happened, and why it matters for the inspections around it.",
    "---",
    "",
  ].join("\n");
}
