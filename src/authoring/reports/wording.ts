/**
 * What kind of document a report's first page says it is, from its wording. Two kinds
 * can be drafted: a single inspection framework report ("Inspection of services for
 * children in need of help and protection, children looked after and care leavers") and
 * an ILACS report ("Inspection of X local authority children's services", "Inspection of
 * children's social care services"), each with its judgement table; and a review of a
 * Local Safeguarding Children Board made on its own, in the single inspection framework's
 * years ("Review of the effectiveness of the Local Safeguarding Children Board" with no
 * inspection of the council's services above it), which judges only the board. Anything else is
 * named as well as the wording allows, so the editor is told what they gave: a focused
 * visit or monitoring visit letter (not graded), a joint targeted area inspection, an
 * inspection under the framework before November 2013.
 */
import { pageString } from "./facts.ts";
import { readTable, type ReportFamily } from "./judgements.ts";
import type { PageText } from "./pdf-text.ts";
import { CompactText } from "./words.ts";

const SIF_TITLE = /inspectionofservicesforchildreninneedofhelpandprotection/;
const ILACS_TITLE = /inspectionof[a-z]{0,80}?(?:localauthoritychildrensservices|childrenssocialcareservices)/;

/** How far into the first page (compact characters) a title is looked for. */
const TITLE_REACH = 400;

const OTHER_KINDS: readonly [RegExp, string][] = [
  [/focusedvisit/, "a focused visit letter, which is not graded"],
  [/monitoringvisit/, "a monitoring visit letter, which is not graded"],
  [/jointtargetedareainspection/, "a joint targeted area inspection letter, which is not graded"],
  [
    /(?:inspectionof(?:safeguardingand)?lookedafterchildren|inspectionofsafeguarding)/,
    "an inspection of safeguarding or looked after children services under Ofsted's framework before November 2013",
  ],
];

export type Wording = { family: ReportFamily; boardReviewOnly?: true } | { other: string };

/** The title of a review of a Local Safeguarding Children Board. */
const BOARD_REVIEW_TITLE = /reviewoftheeffectivenessofthe(?:local)?safeguardingchildren(?:s)?board/;

/** The report's title as its first lines give it, for messages: "Inspection of looked after children services". */
export function titleOf(page: PageText): string {
  const lines = page.lines.map((line) => line.text.trim()).filter((line) => line !== "" && !/^\d+$/.test(line));
  const title = lines.slice(0, 3).join(" ");
  return title.length > 90 ? `${title.slice(0, 87)}...` : title;
}

export function recogniseWording(page: PageText): Wording {
  const compactText = new CompactText(pageString(page));
  const text = compactText.value;
  const opening = text.slice(0, TITLE_REACH);
  if (SIF_TITLE.test(opening)) return { family: "sif" };
  if (ILACS_TITLE.test(opening)) return { family: "ilacs" };
  // A review of a safeguarding board on its own (the single inspection framework's years):
  // a report, but of the board, with no judgement of the council's services.
  if (BOARD_REVIEW_TITLE.test(opening)) return { family: "sif", boardReviewOnly: true };
  // No known title: a table of enough rows still says which framework it is.
  const sif = readTable(compactText, "sif")?.judgements.size ?? 0;
  const ilacs = readTable(compactText, "ilacs")?.judgements;
  if (sif >= 3 && sif > (ilacs?.size ?? 0)) return { family: "sif" };
  if (ilacs && ilacs.size >= 3 && ilacs.has("impact-of-leaders")) return { family: "ilacs" };
  for (const [pattern, kind] of OTHER_KINDS) if (pattern.test(text)) return { other: kind };
  return {
    other:
      "not an Ofsted inspection report on a council's children's services that this tool knows (no single inspection framework or ILACS title, and no judgement table, on its first page)",
  };
}
