/**
 * `npm run new`: a new inspection, organisation or context event, ready to fill in. Takes
 * its values as options, or asks for the missing ones when run in a terminal. Never
 * overwrites a file. See docs/editing.md.
 *
 * Exit codes: 0 the file was written; 1 nothing was written because the file already
 * exists or the framework files have problems; 2 the command was misused (an unknown or
 * missing option, a value that cannot be used).
 */
import { join, relative, resolve, sep } from "node:path";
import { createInterface } from "node:readline/promises";
import { linesFromDisk } from "../content/problem-quote.ts";
import { coloursFor, problemReport } from "../content/problem-report.ts";
import { readSiteSettings } from "../content/site-settings.ts";
import { AlreadyExists, OutsideContentFolder, writeInside } from "../content/write-inside.ts";
import { inspectionAddresses, organisationAddresses, type PageAddresses } from "../authoring/scaffold/addresses.ts";
import { Answers, UsageError, type Prompter } from "../authoring/scaffold/answers.ts";
import { FrameworksUnusable, loadScaffoldContent, type ScaffoldContent } from "../authoring/scaffold/content.ts";
import { eventPath, eventText, planEvent } from "../authoring/scaffold/event.ts";
import {
  inspectionPath,
  inspectionPlaceholders,
  inspectionText,
  planInspection,
} from "../authoring/scaffold/inspection.ts";
import { organisationPath, organisationText, planOrganisation } from "../authoring/scaffold/organisation.ts";
import { contentOption, notAContentFolder, readArgs, usageLine, type ArgSpec, type CommandText } from "./args.ts";

const command: CommandText = {
  usage: `explainers new [inspection] --organisation <id> --start <YYYY-MM-DD> --end <YYYY-MM-DD> --kind <id>
                      [--published <YYYY-MM-DD>] [--inspectorate <id>] [--framework <id>] [--file <name>]
       explainers new organisation --name "<name>" --kind "<kind of body>" [--region "<region>"] [--file <id>]
       explainers new event --organisation <id> --title "<title>" --date <when> [--file <name>]
       Each also takes --content <folder>.`,
  about:
    "Writes a new inspection (the default), organisation or context event, ready to fill in, under the framework in force on the visit date. Takes its values as options; in a terminal, asks for the ones left out. Never overwrites a file. docs/editing.md.",
  exits:
    "0 the file was written; 1 nothing was written: the file already exists, or site.yaml or the framework files have problems; 2 misused (an unknown or missing option, a value that cannot be used)",
};
const usage = usageLine(command);

interface Scaffold {
  options: readonly string[];
  /** The file's path in the content folder, its text, where it will show, and what is left to fill in. */
  make(
    answers: Answers,
    scaffold: ScaffoldContent,
  ): Promise<{ path: string; text: string; page: PageAddresses; shownAt: string; placeholders: string[] }>;
}

/** site.yaml's settings, for the new page's address; its problems, if it has any, stop the command. */
function settings() {
  const read = readSiteSettings(process.cwd());
  if (read.settings) return read.settings;
  console.error("site.yaml has problems, so the new page's address cannot be worked out. Fix these first:\n");
  console.error(problemReport(read.problems, linesFromDisk(process.cwd()), coloursFor(process.stderr)));
  console.error("\nNothing was written.");
  process.exit(1);
}

const SCAFFOLDS: Record<string, Scaffold> = {
  inspection: {
    options: ["organisation", "start", "end", "kind", "published", "inspectorate", "framework", "file"],
    async make(answers, scaffold) {
      const plan = await planInspection(answers, scaffold);
      return {
        path: inspectionPath(plan),
        text: inspectionText(plan),
        page: inspectionAddresses(settings(), plan.organisation, plan.fileName),
        shownAt: "Its explainer page will be at",
        placeholders: inspectionPlaceholders(plan),
      };
    },
  },
  organisation: {
    options: ["name", "kind", "region", "file"],
    async make(answers, scaffold) {
      const plan = await planOrganisation(answers, scaffold);
      const page = organisationAddresses(settings(), plan.fileName);
      return {
        path: organisationPath(plan),
        text: organisationText(plan),
        page,
        shownAt: "Its page will be at",
        placeholders: [],
      };
    },
  },
  event: {
    options: ["organisation", "title", "date", "file"],
    async make(answers, scaffold) {
      const plan = await planEvent(answers, scaffold);
      const page = organisationAddresses(settings(), plan.organisation);
      return {
        path: eventPath(plan),
        text: eventText(plan),
        page,
        shownAt: "It will be on the organisation's timeline at",
        placeholders: [],
      };
    },
  },
};

const ALL_OPTIONS = [...new Set(Object.values(SCAFFOLDS).flatMap((scaffold) => scaffold.options))];
const OPTION_HELP: Record<string, string> = {
  organisation: "the organisation's <id> (its file's name)",
  start: "the first day of the visit, <YYYY-MM-DD>",
  end: "the last day of the visit, <YYYY-MM-DD>",
  kind: "the inspection's <kind> (its id); for an organisation, the <kind> of body",
  published: "the day the report was published, <YYYY-MM-DD>",
  inspectorate: "the inspectorate's <id>, where the kind does not say",
  framework: "the framework's <id>, in place of the one in force on the visit date",
  file: "the new file's <name>, in place of the one made from the rest",
  name: "the organisation's <name>",
  region: "the organisation's <region>",
  title: "the event's <title>",
  date: "<when> the event happened: 2017-03-14, 2017-03, 2017, 2015-16 or 2022-08..2024-02",
};
const spec = {
  content: contentOption("the content <folder> to write into"),
  ...Object.fromEntries(
    ALL_OPTIONS.map((option) => [option, { type: "string" as const, help: OPTION_HELP[option] ?? option }]),
  ),
} satisfies ArgSpec;
const { values, positionals } = readArgs(spec, command);

function misuse(message: string, showUsage = true): never {
  console.error(showUsage ? `${message}\n\n${usage}` : `${message}\nNothing was written.`);
  process.exit(2);
}

const what = positionals[0] ?? "inspection";
const scaffold = SCAFFOLDS[what];
if (!scaffold || positionals.length > 1)
  misuse(`explainers new makes one inspection, organisation or event (got ${positionals.join(" ")}).`);
const given: Record<string, unknown> = values;
const options = Object.fromEntries(
  ALL_OPTIONS.map((option) => [option, typeof given[option] === "string" ? given[option] : undefined]),
);
const foreign = ALL_OPTIONS.filter((option) => options[option] !== undefined && !scaffold.options.includes(option));
if (foreign.length > 0) misuse(`A new ${what} does not take ${foreign.map((option) => `--${option}`).join(", ")}.`);

const root = process.cwd();
const notFolder = notAContentFolder(root, values.content);
if (notFolder) misuse(notFolder);
let content: ScaffoldContent;
try {
  content = loadScaffoldContent(root, values.content);
} catch (error) {
  if (!(error instanceof FrameworksUnusable)) throw error;
  console.error(`${error.message} Fix these first:\n`);
  console.error(problemReport(error.problems, linesFromDisk(root, values.content), coloursFor(process.stderr)));
  process.exit(1);
}

let prompter: Prompter | undefined;
let lines: ReturnType<typeof createInterface> | undefined;
if (process.stdin.isTTY && process.stdout.isTTY) {
  const readline = createInterface({ input: process.stdin, output: process.stdout });
  const stopped = () => {
    console.log("\nStopped; nothing was written.");
    process.exit(2);
  };
  readline.on("close", stopped);
  readline.on("SIGINT", stopped);
  lines = readline;
  prompter = {
    question: (text, suggestion) => readline.question(`${text}${suggestion ? ` [${suggestion}]` : ""} `),
    say: (text) => console.log(text),
  };
}

let made: Awaited<ReturnType<Scaffold["make"]>>;
try {
  made = await scaffold.make(new Answers(options, prompter), content);
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  misuse(error.message, false);
} finally {
  lines?.removeAllListeners("close");
  lines?.close();
}

const target = join(resolve(root, values.content), made.path);
const shown = relative(root, target).split(sep).join("/");
try {
  // Created only if nothing is there, even if a file appeared after the questions were answered.
  writeInside(resolve(root, values.content), made.path, made.text, "create");
} catch (error) {
  if (error instanceof AlreadyExists) {
    console.error(
      `${shown} already exists, so nothing was written. Edit that file, or choose another file name with --file.`,
    );
    process.exit(1);
  }
  if (!(error instanceof OutsideContentFolder)) throw error;
  console.error(`${error.message} Nothing was written.`);
  process.exit(1);
}

console.log(`Created ${shown}`);
console.log(`${made.shownAt} ${made.page.published}`);
console.log(`  (while npm start runs: ${made.page.preview})`);
if (made.placeholders.length > 0) {
  console.log(`\nStill to fill in, from the report (npm run check refuses the file until then):`);
  for (const placeholder of made.placeholders) console.log(`  - ${placeholder}`);
}
