/**
 * The judgements on a report's first page. Both frameworks print them as a table of an
 * area's label, then its grade:
 *
 *   ILACS:  The impact of leaders on social work practice with children and families | Good
 *   SIF:    2.1 Adoption performance | Requires improvement
 *
 * In the compact text (words.ts) a row is the label's words followed by a grade phrase,
 * however the PDF split or wrapped them. Labels are known by their distinctive words
 * ("impact of leaders", "adoption performance"), not their exact wording, which varies
 * ("The impact of leaders on practice with children and families", "children care
 * leavers"). The table is the longest run of label-grade rows, each starting close to the
 * end of the one before: a grade mentioned later in the text ("when the overall
 * effectiveness judgement was good") is never read as part of it.
 *
 * Area ids are those of the site's Ofsted frameworks (content/frameworks/ofsted-*.yaml);
 * the draft checks each against the framework it chooses.
 */
import type { PageText, TextLine } from "./pdf-text.ts";
import { NOT_JUDGED_ID } from "../../model/outcomes.ts";
import { CompactText, GRADE, gradeOf } from "./words.ts";

/** A table's cell that gives no grade because the area was not judged (a SIF report's "Adoption performance: Not judged"). */
const NOT_JUDGED = "notjudged";
const CELL = new RegExp(`${GRADE}|${NOT_JUDGED}`, "g");

export type ReportFamily = "sif" | "ilacs";

interface LabelSpec {
  area: string;
  /** Compact words that name the area, wherever in its label they stand. */
  words: RegExp;
}

const ILACS_LABELS: readonly LabelSpec[] = [
  { area: "impact-of-leaders", words: /impactofleaders/g },
  { area: "help-and-protection", words: /(?:childrenwho)?needhelpandprotection/g },
  { area: "children-in-care-and-care-leavers", words: /childrenincareandcareleavers/g },
  { area: "children-in-care", words: /childrenincare/g },
  { area: "care-leavers", words: /careleavers/g },
  { area: "overall-effectiveness", words: /overalleffectiveness/g },
];

const SIF_LABELS: readonly LabelSpec[] = [
  { area: "help-and-protection", words: /(?:childrenwho)?needhelpandprotection/g },
  { area: "children-looked-after", words: /childrenlookedafter/g },
  { area: "adoption-performance", words: /adoptionperformance/g },
  { area: "care-leavers-experiences", words: /careleavers/g },
  { area: "leadership-management-governance", words: /leadershipmanagement/g },
];

/** How far (compact characters) a label's words may stand from the grade after them, and from the row before. */
const LABEL_TO_GRADE = 80;
const ROW_TO_ROW = 48;

/** The words that may stand before a label's distinctive words in its row ("2.1", "The experiences and progress of"). */
const ROW_START = /^(?:the|experiences|and|progress|of|children|young|people|who|need|in|care|\d+)$/;
/** Words that make a label and a grade a sentence about a judgement, not a row of the table ("when overall effectiveness was good"). */
const SENTENCE = /\b(?:was|were|is|are|been|be|judged|judgement|when|since|previous|last)\b/i;

function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

interface Token {
  start: number;
  end: number;
  area?: string;
  grade?: string;
}

function tokens(text: string, labels: readonly LabelSpec[]): Token[] {
  const found: Token[] = [];
  for (const { area, words } of labels) {
    for (const match of text.matchAll(words))
      found.push({ start: match.index, end: match.index + match[0].length, area });
  }
  // Where labels overlap ("children in care and care leavers" holds "children in care"), the longest stands.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const labelTokens: Token[] = [];
  for (const token of found) {
    const last = labelTokens[labelTokens.length - 1];
    if (last && token.start < last.end) continue;
    labelTokens.push(token);
  }
  const grades: Token[] = [];
  for (const match of text.matchAll(CELL)) {
    const inside = labelTokens.some((label) => match.index < label.end && match.index + match[0].length > label.start);
    const grade = match[0] === NOT_JUDGED ? NOT_JUDGED_ID : gradeOf(match[0])!;
    if (!inside) grades.push({ start: match.index, end: match.index + match[0].length, grade });
  }
  return [...labelTokens, ...grades].sort((a, b) => a.start - b.start);
}

export interface TableRead {
  judgements: Map<string, string>;
  /** Compact positions of the table's first and last character. */
  start: number;
  end: number;
}

/** Where compact positions are on the page: the index of the line each is on, and the lines. */
export interface Geometry {
  lineIndex(position: number): number;
  lines: readonly TextLine[];
}

/**
 * Whether the grade stands level with its row's label on the page: the lines the grade is
 * on overlap the lines from the row's start to the text just before the grade, give or
 * take a line (cells are centred, padded, or top-aligned). Text in the order a PDF draws
 * it keeps a row's cells together in every report seen; this check makes sure that a PDF
 * drawing each grade before its label loses those grades (left for an editor) rather than
 * shifting each onto the row above.
 */
function isLevel(rowStart: number, grade: Token, geometry: Geometry): boolean {
  const span = (from: number, to: number) => geometry.lines.slice(from, to + 1).map((line) => line.y);
  const label = span(geometry.lineIndex(rowStart), geometry.lineIndex(grade.start - 1));
  const gradeLines = geometry.lines.slice(geometry.lineIndex(grade.start), geometry.lineIndex(grade.end - 1) + 1);
  if (label.length === 0 || gradeLines.length === 0) return true;
  const slack = Math.max(...gradeLines.map((line) => line.size));
  const gradeYs = gradeLines.map((line) => line.y);
  return Math.min(...gradeYs) - slack <= Math.max(...label) && Math.max(...gradeYs) + slack >= Math.min(...label);
}

/** Whether a label token and the grade token after it make a row that may follow a row ending at `previousEnd`. */
function isRow(text: CompactText, label: Token, grade: Token, previousEnd: number, geometry?: Geometry): boolean {
  if (!label.area || !grade.grade || grade.start - label.end > LABEL_TO_GRADE) return false;
  if (geometry && !isLevel(previousEnd >= 0 ? previousEnd : label.start, grade, geometry)) return false;
  if (SENTENCE.test(text.slice(label.end, grade.start))) return false;
  if (previousEnd < 0) return true;
  return (
    label.start - previousEnd <= ROW_TO_ROW &&
    wordsOf(text.slice(previousEnd, label.start)).every((word) => ROW_START.test(word))
  );
}

/** The longest run of label-then-grade rows in the text; with `geometry`, only rows whose grade is level with its label. */
export function readTable(text: CompactText, family: ReportFamily, geometry?: Geometry): TableRead | undefined {
  const sequence = tokens(text.value, family === "sif" ? SIF_LABELS : ILACS_LABELS);
  let best: TableRead | undefined;
  for (let first = 0; first < sequence.length; first++) {
    const judgements = new Map<string, string>();
    let end = -1;
    for (let index = first; index + 1 < sequence.length; index += 2) {
      const [label, grade] = [sequence[index]!, sequence[index + 1]!];
      if (!isRow(text, label, grade, end, geometry) || judgements.has(label.area!)) break;
      judgements.set(label.area!, grade.grade!);
      end = grade.end;
    }
    if (judgements.size > (best?.judgements.size ?? 0)) best = { judgements, start: sequence[first]!.start, end };
  }
  return best;
}

/** The page's text, compact, with where each compact character's line is: for `readTable` on a page. */
export function pageTable(page: PageText, family: ReportFamily): { text: CompactText; table?: TableRead } {
  const text = new CompactText(page.lines.map((line) => line.text).join("\n"));
  const starts: number[] = [];
  let offset = 0;
  for (const line of page.lines) {
    starts.push(offset);
    offset += line.text.length + 1;
  }
  const lineIndex = (position: number) => {
    const index = text.originalIndex(position);
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= index) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  const table = readTable(text, family, { lineIndex, lines: page.lines });
  return table ? { text, table } : { text };
}

/**
 * The single inspection framework's overall judgement, written as a sentence above its
 * table: "The overall judgement is good", "The overall judgement is that children's
 * services are inadequate", "Children's services in Havering require improvement to be
 * good", "Children's services require improvement to be good", "Services for children
 * in X are good", "Overall effectiveness: good".
 */
export function readSifOverall(text: CompactText, before: number): string | undefined {
  const pattern = new RegExp(
    `(?:overalljudgementis(?:that)?(?:childrensservices(?:are|is))?|overalleffectiveness(?:is)?|(?:childrensservices|servicesforchildren)(?:in[a-z]{2,60}?)?(?:are|is)?)(${GRADE})`,
  );
  const match = pattern.exec(text.value.slice(0, before));
  return match ? gradeOf(match[1]!) : undefined;
}

/**
 * The review of the Local Safeguarding Children Board, in a single inspection framework
 * report: "The effectiveness of the Local Safeguarding Children Board (LSCB) is good" on
 * the first page, or "The Local Safeguarding Children Board is inadequate" heading its
 * own section.
 */
export function readLscb(text: CompactText): string | undefined {
  const pattern = new RegExp(
    `(?:effectivenessofthe(?:localsafeguardingchildrenboard(?:lscb)?|lscb)|thelocalsafeguardingchildrenboard(?:lscb)?)(?:is|are)?(${GRADE})`,
  );
  const match = pattern.exec(text.value);
  return match ? gradeOf(match[1]!) : undefined;
}
