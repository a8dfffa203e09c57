/**
 * A synthetic, deterministic content folder for the benchmark: N inspections over N/4
 * organisations (about one in seven a police force), judged on the real shipped Ofsted
 * and HMICFRS PEEL frameworks, with ungraded visits, quotes, figures, improvements,
 * context events, and explainer bodies of 600 to 1,000 words. The same seed always
 * writes the same bytes, so two runs measure the same work.
 *
 * The frameworks, scales and inspectorates are copied from the project's own content/,
 * so the corpus is checked against exactly what ships.
 */
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** mulberry32: small, fast and good enough to make varied, repeatable content. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const int = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const chance = (random: Random, p: number): boolean => random() < p;
const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** A day between two dates (inclusive), YYYY-MM-DD; days 1 to 28 so every month has it. */
function dayBetween(random: Random, from: string, to: string): string {
  const [fy, fm] = from.split("-").map(Number) as [number, number];
  const [ty, tm] = to.split("-").map(Number) as [number, number];
  const months = (ty - fy) * 12 + (tm - fm);
  const offset = int(random, 0, months);
  const year = fy + Math.floor((fm - 1 + offset) / 12);
  const month = ((fm - 1 + offset) % 12) + 1;
  return `${year}-${pad(month)}-${pad(int(random, 1, 28))}`;
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------
// Words

const WORDS = (
  "children families social workers council services practice leaders managers partners police health schools " +
  "assessment planning support help protection care leavers placements foster carers adoption permanence review " +
  "oversight supervision caseloads quality audit outcomes progress experiences risk neglect exploitation missing " +
  "early help threshold referral contact strategy meeting court proceedings legal planning independent reviewing " +
  "officer advocacy participation voice wishes feelings education employment training housing accommodation health " +
  "emotional wellbeing mental disabled unaccompanied asylum seeking young people teams workforce recruitment " +
  "retention agency staff stability turnover director budget investment savings demand pressure improvement plan " +
  "board partnership safeguarding arrangements data performance information management systems records timely " +
  "consistent effective strong weak variable inconsistent improving declining sustained rapid slow clear detailed " +
  "thorough purposeful child-centred relationships direct work visits contact plans reviews decisions escalation"
).split(" ");

const CONNECTIVES = ["and", "but", "while", "because", "so", "although", "as", "when", "where", "since"];
const OPENERS = [
  "Inspectors found that",
  "The report says",
  "Leaders know that",
  "In most cases",
  "Since the last inspection",
  "For many children",
  "Across the service",
  "Too often",
  "Over the past year",
  "In the best examples",
];

function sentence(random: Random): string {
  const words: string[] = [];
  const length = int(random, 8, 18);
  for (let index = 0; index < length; index++) {
    if (index > 3 && chance(random, 0.08)) words.push(pick(random, CONNECTIVES));
    words.push(pick(random, WORDS));
  }
  const opener = chance(random, 0.35) ? `${pick(random, OPENERS)} ` : "";
  let text = `${opener}${words.join(" ")}`;
  if (chance(random, 0.1)) text = text.replace(/ (\S+)$/, " **$1**");
  else if (chance(random, 0.08)) text = text.replace(/ (\S+) /, " *$1* ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

const wordCount = (text: string): number => text.split(/\s+/).filter((word) => /[a-z]/i.test(word)).length;

/** Markdown with headings, paragraphs, a list and a link: 600 to 1,000 words. */
export function explainerBody(random: Random): string {
  const target = int(random, 600, 1000);
  const parts: string[] = [];
  let words = 0;
  const add = (part: string) => {
    parts.push(part);
    words += wordCount(part);
  };
  const headings = [
    "What the inspectors looked at",
    "What they found",
    "Help and protection",
    "Children in care",
    "Care leavers",
    "Leadership",
    "What happens next",
  ];
  let heading = 0;
  while (words < target) {
    if (parts.length > 0 && parts.length % 4 === 0 && heading < headings.length) add(`## ${headings[heading++]}`);
    const kind = random();
    if (kind < 0.12) {
      const items = Array.from({ length: int(random, 3, 5) }, () => `- ${sentence(random)}`);
      add(items.join("\n"));
    } else if (kind < 0.18) {
      add(
        `${sentence(random)} The full report is on the [inspectorate's website](https://example.org/reports/${int(random, 1000, 99999)}). ${sentence(random)}`,
      );
    } else {
      add(Array.from({ length: int(random, 3, 6) }, () => sentence(random)).join(" "));
    }
  }
  // Trim the last paragraph's sentences until within the range.
  let body = parts.join("\n\n");
  while (wordCount(body) > 1000) {
    const last = parts.pop()!;
    const sentences = last.split(/(?<=\.) /);
    if (sentences.length > 1 && wordCount(parts.join("\n\n")) < 600) {
      parts.push(sentences.slice(0, -1).join(" "));
    }
    body = parts.join("\n\n");
  }
  return `${body}\n`;
}

// ---------------------------------------------------------------------------------------
// Frameworks as the corpus uses them (ids and grades from the shipped content/ files)

interface Slot {
  framework: string;
  kind: string;
  graded: boolean;
  /** Months the visit can start in, YYYY-MM. */
  from: string;
  to: string;
  areas: readonly string[];
  /** Grade ids on the framework's scale, best first; outcomes that are not grades (not judged, unknown). */
  grades: readonly string[];
  states: readonly string[];
  /** Alternative graded kind (short instead of standard) chosen on the previous grade. */
  shortKind?: string;
}

const OFSTED_GRADES = ["outstanding", "good", "requires-improvement", "inadequate"] as const;
/** Not grades: the scale's withheld, and not judged and unknown, which every scale has. */
const OFSTED_STATES = ["not-judged", "withheld", "unknown"] as const;
const PEEL4 = ["outstanding", "good", "requires-improvement", "inadequate"] as const;
const PEEL5 = ["outstanding", "good", "adequate", "requires-improvement", "inadequate"] as const;

/** A council's children's services, oldest first; each organisation gets a subset. */
const COUNCIL_SLOTS: readonly Slot[] = [
  {
    framework: "ofsted-sif-2013",
    kind: "single-inspection",
    graded: true,
    from: "2014-01",
    to: "2015-12",
    areas: [
      "overall-effectiveness",
      "help-and-protection",
      "children-looked-after",
      "adoption-performance",
      "care-leavers-experiences",
      "leadership-management-governance",
      "lscb-review",
    ],
    grades: OFSTED_GRADES,
    states: OFSTED_STATES,
  },
  {
    framework: "ofsted-sif-2013",
    kind: "monitoring-visit",
    graded: false,
    from: "2016-01",
    to: "2017-10",
    areas: [],
    grades: [],
    states: [],
  },
  {
    framework: "ofsted-ilacs-2018",
    kind: "standard",
    shortKind: "short",
    graded: true,
    from: "2018-02",
    to: "2019-06",
    areas: ["overall-effectiveness", "impact-of-leaders", "help-and-protection", "children-in-care-and-care-leavers"],
    grades: OFSTED_GRADES,
    states: OFSTED_STATES,
  },
  {
    framework: "ofsted-ilacs-2018",
    kind: "focused-visit",
    graded: false,
    from: "2019-09",
    to: "2020-12",
    areas: [],
    grades: [],
    states: [],
  },
  {
    framework: "ofsted-ilacs-2018",
    kind: "monitoring-visit",
    graded: false,
    from: "2021-02",
    to: "2022-10",
    areas: [],
    grades: [],
    states: [],
  },
  {
    framework: "ofsted-ilacs-2023",
    kind: "standard",
    shortKind: "short",
    graded: true,
    from: "2023-02",
    to: "2024-12",
    areas: ["overall-effectiveness", "impact-of-leaders", "help-and-protection", "children-in-care", "care-leavers"],
    grades: OFSTED_GRADES,
    states: OFSTED_STATES,
  },
  {
    framework: "ofsted-ilacs-2023",
    kind: "focused-visit",
    graded: false,
    from: "2025-02",
    to: "2026-02",
    areas: [],
    grades: [],
    states: [],
  },
  {
    framework: "ofsted-ilacs-2026",
    kind: "standard",
    shortKind: "short",
    graded: true,
    from: "2026-04",
    // Reports come out up to 60 days after the visit: all before 2026-12-01, the day
    // the project's tests and docs were written, as `npm run check` refuses dates after today.
    to: "2026-08",
    areas: ["impact-of-leaders", "help-and-protection", "children-in-care", "care-leavers"],
    grades: OFSTED_GRADES,
    states: OFSTED_STATES,
  },
];

const PEEL_2021_AREAS = [
  "victim-service",
  "treatment-of-the-public",
  "preventing-crime",
  "responding-to-the-public",
  "investigating-crime",
  "protecting-vulnerable-people",
  "managing-offenders",
  "positive-workplace",
  "good-use-of-resources",
];

const POLICE_SLOTS: readonly Slot[] = [
  {
    framework: "hmicfrs-peel-2018",
    kind: "integrated-peel-assessment",
    graded: true,
    from: "2018-02",
    to: "2018-11",
    areas: ["effectiveness", "efficiency", "legitimacy"],
    grades: PEEL4,
    states: ["not-graded"],
  },
  {
    framework: "hmicfrs-peel-2018",
    kind: "integrated-peel-assessment",
    graded: true,
    from: "2019-03",
    to: "2020-06",
    areas: ["effectiveness", "efficiency", "legitimacy"],
    grades: PEEL4,
    states: ["not-graded"],
  },
  {
    framework: "hmicfrs-peel-2021",
    kind: "peel-inspection",
    graded: true,
    from: "2021-03",
    to: "2022-06",
    areas: PEEL_2021_AREAS,
    grades: PEEL5,
    states: ["not-graded"],
  },
  {
    framework: "hmicfrs-peel-2021",
    kind: "peel-inspection",
    graded: true,
    from: "2023-01",
    to: "2024-06",
    areas: PEEL_2021_AREAS,
    grades: PEEL5,
    states: ["not-graded"],
  },
  {
    framework: "hmicfrs-peel-2021",
    kind: "peel-inspection",
    graded: true,
    from: "2025-01",
    to: "2026-06",
    areas: PEEL_2021_AREAS,
    grades: PEEL5,
    states: ["not-graded"],
  },
];

const REGIONS = [
  "North East",
  "North West",
  "Yorkshire and the Humber",
  "East Midlands",
  "West Midlands",
  "East of England",
  "London",
  "South East",
  "South West",
];
const PLACES = [
  "Ash",
  "Bram",
  "Calder",
  "Dun",
  "Elm",
  "Fern",
  "Glen",
  "Hart",
  "Ivy",
  "Kings",
  "Lang",
  "Mere",
  "North",
  "Oak",
  "Pen",
  "Rother",
  "Stan",
  "Thorn",
  "Wal",
  "York",
];
const SUFFIXES = ["ford", "ley", "shire", "ton", "bury", "field", "wick", "dale", "ham", "mouth"];
const PEOPLE = ["A. Inspector HMI", "B. Khan HMI", "C. Okafor HMI", "D. Williams HMI", "E. Novak HMI", "F. Murphy HMI"];

function organisationName(index: number): string {
  const a = PLACES[index % PLACES.length]!;
  const b = SUFFIXES[Math.floor(index / PLACES.length) % SUFFIXES.length]!;
  const round = Math.floor(index / (PLACES.length * SUFFIXES.length));
  return `${a}${b}${round > 0 ? ` ${round + 1}` : ""}`;
}

// ---------------------------------------------------------------------------------------
// YAML writing: only the shapes used here, always quoted where YAML could misread.

const q = (text: string): string => JSON.stringify(text);

interface Judged {
  /** Rank of the last grade given, 0 best; steers the next one. */
  level: number;
}

function judgementsYaml(random: Random, slot: Slot, judged: Judged): string[] {
  const lines = ["judgements:"];
  const shift = pick(random, [-1, 0, 0, 0, 1]);
  judged.level = Math.max(0, Math.min(slot.grades.length - 1, judged.level + shift));
  for (const area of slot.areas) {
    let outcome: string;
    if (chance(random, 0.02)) outcome = pick(random, slot.states);
    else {
      const rank = Math.max(0, Math.min(slot.grades.length - 1, judged.level + pick(random, [-1, 0, 0, 0, 0, 1])));
      outcome = slot.grades[rank]!;
    }
    lines.push(`  ${area}: ${outcome}`);
  }
  return lines;
}

function quotesYaml(random: Random, report: string, year: string): string[] {
  const count = int(random, 0, 3);
  if (count === 0) return [];
  const lines = ["quotes:"];
  for (let index = 0; index < count; index++) {
    lines.push(`  - text: ${q(sentence(random))}`);
    if (index === 0) {
      lines.push(
        "    by: Ofsted",
        "    role: inspection report",
        "    source:",
        `      name: ${q(`Inspection report, ${year}`)}`,
        `      url: ${report}`,
      );
    } else {
      lines.push(
        `    by: ${q(pick(random, ["Councillor J. Smith", "Director of children's services", "Chief Constable", "A parent"]))}`,
      );
      if (chance(random, 0.6))
        lines.push(
          `    role: ${q(pick(random, ["Cabinet member for children", "Local newspaper", "Council statement"]))}`,
        );
      if (chance(random, 0.5)) lines.push("    source:", `      name: ${q(`Local press coverage, ${year}`)}`);
    }
  }
  return lines;
}

function figuresYaml(random: Random, year: number): string[] {
  const count = pick(random, [0, 0, 1, 1, 2]);
  if (count === 0) return [];
  const lines = ["figures:"];
  for (let index = 0; index < count; index++) {
    const label = pick(random, [
      "Children in care",
      "Child protection plans",
      "Care leavers in education, employment or training",
      "Agency social workers",
      "Referrals",
    ]);
    lines.push(
      `  - label: ${q(label)}`,
      `    unit: ${pick(random, ["children", "a year", "per cent", "staff"])}`,
      "    source:",
      `      name: ${q(`Annual report ${year}`)}`,
      "    values:",
    );
    const points = int(random, 2, 5);
    let value = int(random, 50, 900);
    for (let point = 0; point < points; point++) {
      lines.push(`      - date: ${year - points + point + 1}`, `        value: ${value}`);
      value = Math.max(1, value + int(random, -80, 120));
    }
  }
  return lines;
}

function inspectionFile(
  random: Random,
  organisation: string,
  slot: Slot,
  judged: Judged,
  graded: { previousGood: boolean },
): { name: string; text: string } {
  const start = dayBetween(random, slot.from, slot.to);
  const year = start.slice(0, 4);
  let kind = slot.kind;
  if (slot.shortKind && graded.previousGood && chance(random, 0.7)) kind = slot.shortKind;
  const lines = ["---", `organisation: ${organisation}`, `framework: ${slot.framework}`, `kind: ${kind}`];
  const report = `https://reports.example.org/${organisation}/${start}`;
  if (slot.graded) {
    const end = addDays(start, kind === "short" ? 4 : int(random, 9, 18));
    lines.push(
      "visit:",
      `  start: ${start}`,
      `  end: ${end}`,
      `published: ${addDays(end, int(random, 20, 60))}`,
      `report: ${report}`,
    );
    if (chance(random, 0.8)) lines.push(`leadInspector: ${q(pick(random, PEOPLE))}`);
  } else {
    const precision = random();
    if (precision < 0.6) {
      const end = addDays(start, int(random, 1, 3));
      lines.push(
        "visit:",
        `  start: ${start}`,
        `  end: ${end}`,
        `published: ${addDays(end, int(random, 14, 40))}`,
        `report: ${report}`,
      );
    } else if (precision < 0.85) lines.push(`visit: ${start.slice(0, 7)}`);
    else lines.push(`visit: ${year}`);
  }
  if (chance(random, 0.05))
    lines.push(`title: ${q(`${slot.graded ? "Inspection" : "Visit"} of ${organisation}, ${year}`)}`);
  if (slot.graded && chance(random, 0.03)) lines.push("previous: none");
  lines.push(`summary: ${q(`${sentence(random)} ${sentence(random)}`)}`);
  if (slot.graded) {
    lines.push(...judgementsYaml(random, slot, judged));
    graded.previousGood = judged.level <= 1;
    const improvements = int(random, 2, 6);
    lines.push("improvements:", ...Array.from({ length: improvements }, () => `  - ${q(sentence(random))}`));
    lines.push(...quotesYaml(random, report, year));
    lines.push(...figuresYaml(random, Number(year)));
  }
  lines.push("---", explainerBody(random));
  return { name: `${year}-${kind}`, text: lines.join("\n") };
}

function choose<T>(random: Random, items: readonly T[], count: number): T[] {
  const indices = items.map((_, index) => index);
  for (let index = indices.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [indices[index], indices[other]] = [indices[other]!, indices[index]!];
  }
  return indices
    .slice(0, Math.min(count, items.length))
    .sort((a, b) => a - b)
    .map((index) => items[index]!);
}

export interface CorpusSummary {
  inspections: number;
  organisations: number;
  events: number;
  /** Bytes of Markdown written for organisations, inspections and events. */
  bytes: number;
}

/**
 * Writes a content folder at `folder` with `count` inspections. `projectRoot` is where the
 * shipped content/ (inspectorates, scales, frameworks) is copied from.
 */
export function generateCorpus(
  folder: string,
  count: number,
  options: { seed?: number; projectRoot: string },
): CorpusSummary {
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`The corpus needs at least one inspection (asked for ${count}).`);
  const random = prng(options.seed ?? 20240209);
  for (const shipped of ["inspectorates", "scales", "frameworks"]) {
    cpSync(join(options.projectRoot, "content", shipped), join(folder, shipped), { recursive: true });
  }
  const organisationCount = Math.max(1, Math.floor(count / 4));
  // Four inspections each on average: pairs trade one, so timelines have 3 to 5 entries
  // (and the first organisations take any remainder).
  const perOrganisation = Array.from({ length: organisationCount }, () => 4);
  for (let index = 0; index + 1 < organisationCount; index += 2) {
    if (chance(random, 0.5)) {
      perOrganisation[index]!--;
      perOrganisation[index + 1]!++;
    }
  }
  let extra = count - organisationCount * 4;
  for (let index = 0; extra !== 0; index = (index + 1) % organisationCount) {
    const step = extra > 0 ? 1 : -1;
    if (step < 0 && perOrganisation[index]! <= 1) continue;
    perOrganisation[index]! += step;
    extra -= step;
  }

  let bytes = 0;
  let events = 0;
  let inspections = 0;
  const write = (path: string, text: string) => {
    writeFileSync(path, text);
    bytes += Buffer.byteLength(text);
  };
  for (const folderName of ["organisations", "inspections", "events"])
    mkdirSync(join(folder, folderName), { recursive: true });

  for (let index = 0; index < organisationCount; index++) {
    const police = index % 7 === 6;
    const place = organisationName(index);
    const id = `${place.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${police ? "police" : "council"}`;
    const name = police ? `${place} Police` : `${place} Council`;
    const organisationLines = [
      "---",
      `name: ${q(name)}`,
      `kind: ${police ? "Police force" : "Upper-tier local authority"}`,
      `region: ${q(REGIONS[index % REGIONS.length]!)}`,
    ];
    if (!police)
      organisationLines.push("codes:", `  ons: E${pad(10000000 + index, 8)}`, `  ofstedUrn: "${800000 + index}"`);
    organisationLines.push(
      `website: https://www.${id}.example.org`,
      "---",
      `${sentence(random)} ${sentence(random)}`,
      "",
    );
    write(join(folder, "organisations", `${id}.md`), organisationLines.join("\n"));

    // Inspections: a chronological subset of the lineage, at least one graded.
    const slots = police ? POLICE_SLOTS : COUNCIL_SLOTS;
    const wanted = perOrganisation[index]!;
    let chosen = choose(random, slots, wanted);
    if (!chosen.some((slot) => slot.graded)) chosen = [slots.find((slot) => slot.graded)!, ...chosen.slice(1)];
    const folderPath = join(folder, "inspections", id);
    mkdirSync(folderPath, { recursive: true });
    const judged: Judged = { level: int(random, 0, 3) };
    const graded = { previousGood: judged.level <= 1 };
    const names = new Set<string>();
    for (const slot of chosen) {
      const file = inspectionFile(random, id, slot, judged, graded);
      let name = file.name;
      for (let suffix = 2; names.has(name); suffix++) name = `${file.name}-${suffix}`;
      names.add(name);
      write(join(folderPath, `${name}.md`), file.text);
      inspections++;
    }
    // More wanted than the lineage has slots (only with a remainder): the next organisation takes them.
    if (chosen.length < wanted && index + 1 < organisationCount) perOrganisation[index + 1]! += wanted - chosen.length;

    // Context events: about one organisation in two has one or two.
    const eventCount = pick(random, [0, 0, 1, 2]);
    if (eventCount > 0) mkdirSync(join(folder, "events", id), { recursive: true });
    for (let event = 0; event < eventCount; event++) {
      const year = int(random, 2014, 2025);
      const date = pick(random, [
        `${year}`,
        `${year}-${String(year + 1).slice(2)}`,
        `${year}-${pad(int(random, 1, 12))}`,
        `${year}-${pad(int(random, 1, 12))}-${pad(int(random, 1, 28))}`,
      ]);
      const text = [
        "---",
        `organisation: ${id}`,
        `title: ${q(pick(random, ["A new director of children's services", "Budget cut by a tenth", "Services restructured", "Rise in demand", "New chief constable"]))}`,
        `date: ${q(date)}`,
        ...(chance(random, 0.5)
          ? [
              "source:",
              `  name: ${q(`Council report, ${year}`)}`,
              `  url: https://www.${id}.example.org/reports/${year}`,
            ]
          : []),
        "---",
        `${sentence(random)} ${sentence(random)}`,
        "",
      ].join("\n");
      write(join(folder, "events", id, `${year}-event-${event + 1}.md`), text);
      events++;
    }
  }
  return { inspections, organisations: organisationCount, events, bytes };
}
