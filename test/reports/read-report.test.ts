/**
 * The reader on whole PDFs: the three Oxfordshire reports committed as fixtures (so a
 * clone without ../shared tests it), PDFs the tests write (split words, letters of other
 * kinds, a page with no text) and files that are not readable reports at all.
 */
import { readFileSync } from "node:fs";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { readReport, type ReadOutcome, type ReportReading } from "../../src/authoring/reports/read-report.ts";
import { makePdf, textPage } from "../fixtures/reports/make-pdf.ts";

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/reports/${name}`, import.meta.url)));
const truth = JSON.parse(readFileSync(new URL("../fixtures/reports/truth.json", import.meta.url), "utf8"))
  .reports as Record<string, Record<string, unknown>>;

function reading(outcome: ReadOutcome): ReportReading {
  if (!outcome.ok) throw new Error(`not read: ${outcome.reason}`);
  return outcome.reading;
}

const oxfordshire = suite("the Oxfordshire reports (committed fixtures)");

for (const name of ["oxfordshire-2014-06-30.pdf", "oxfordshire-2018-05-22.pdf", "oxfordshire-2024-04-09.pdf"]) {
  oxfordshire(`${name}: every grade, the visit, the lead inspector and the list, as truth.json`, async () => {
    const read = reading(await readReport(fixture(name)));
    const expected = truth[name]!;
    assert.equal(read.judgements, expected.judgements);
    assert.equal(read.visit, expected.visit);
    assert.is(read.published, expected.published);
    assert.is(read.leadInspector, expected.leadInspector);
    assert.is(read.authority, expected.authority);
    const improvements = expected.improvements as { count: number; first: string; last: string };
    assert.is(read.improvements?.length, improvements.count);
    assert.ok(read.improvements![0]!.startsWith(improvements.first));
    assert.ok(read.improvements!.at(-1)!.startsWith(improvements.last));
  });
}

oxfordshire("the 2018 report's list and headline, word for word", async () => {
  const read = reading(await readReport(fixture("oxfordshire-2018-05-22.pdf")));
  assert.equal(read.improvements, [
    "The identification of the impact of the cumulative effect of neglect on children and the timeliness of interventions in response to children’s escalating needs.",
    "The timeliness and effectiveness of pre-proceedings work, including the early identification and response to concerns regarding unborn children.",
    "The timeliness and quality of friends and family assessments.",
    "The understanding of thresholds for early help to ensure that children do not receive unnecessary statutory intervention.",
  ]);
  // The report opens with the last inspection (2014) and the years since (2015-16): the
  // quotation is the first sentence about what this inspection found.
  assert.is(read.headline, "Senior leaders have taken rigorous action to respond to this deterioration.");
  assert.is(read.pagesRead <= 3, true, `an ILACS report is read from its first pages (read ${read.pagesRead})`);
});

oxfordshire(
  "the 2014 report: the LSCB review is read, and pages are opened only where the contents page points",
  async () => {
    const read = reading(await readReport(fixture("oxfordshire-2014-06-30.pdf")));
    assert.is(read.reviewsLscb, true);
    assert.is(
      read.headline,
      "When agencies are concerned about children, they know how to get the right level of help for them.",
    );
    assert.ok(read.pagesRead < 10, `read ${read.pagesRead} of ${read.pageCount} pages`);
  },
);

const written = suite("reports the tests write");

written("split words and a table on one line each are still read", async () => {
  const pdf = makePdf([
    textPage(
      "Inspection of Example local authority children’s services",
      "Insp ection dates: 1 0 to 1 4 June 2024",
      "Lead inspector: Ann Example, His Majesty’s Inspector",
      "Judgement Grade",
      "The im pact of leaders on social work practice with children and families Go od",
      "The experiences and progress of children who need help and protection Requires improvement to be good",
      "The experiences and progress of children in care Outs tanding",
      "The experiences and progress of care le avers Inadequate",
      "Overall effectiveness Good",
      "Children in Example receive help that makes a real difference to their lives.",
    ),
    textPage(
      "What needs to improve?",
      "• The timeliness of assessments.",
      "• Support for young carers.",
      "The experiences and progress of children who need help and protection: good",
    ),
  ]);
  const read = reading(await readReport(pdf));
  assert.is(read.family, "ilacs");
  assert.is(read.authority, "Example");
  assert.equal(read.visit, { start: "2024-06-10", end: "2024-06-14" });
  assert.is(read.leadInspector, "Ann Example HMI");
  assert.equal(read.judgements, {
    "impact-of-leaders": "good",
    "help-and-protection": "requires-improvement",
    "children-in-care": "outstanding",
    "care-leavers": "inadequate",
    "overall-effectiveness": "good",
  });
  assert.equal(read.improvements, ["The timeliness of assessments.", "Support for young carers."]);
  assert.is(read.headline, "Children in Example receive help that makes a real difference to their lives.");
});

written("a cover page before the dates and the table, and a longer heading over the list", async () => {
  const pdf = makePdf([
    textPage("Inspection of Example local authority children’s services"),
    textPage(
      "Inspection dates: 2 to 13 March 2020",
      "Lead inspector: Ann Example",
      "Her Majesty’s Inspector",
      "Judgement Grade",
      "The impact of leaders on social work practice with children and families Good",
      "The experiences and progress of children who need help and protection Good",
      "The experiences and progress of children in care and care leavers Good",
      "Overall effectiveness Good",
      "What needs to improve in this local authority?",
      "• Sufficiency of homes for children.",
      "The experiences and progress of children who need help and protection: good",
    ),
  ]);
  const read = reading(await readReport(pdf));
  assert.equal(read.visit, { start: "2020-03-02", end: "2020-03-13" });
  assert.is(read.leadInspector, "Ann Example HMI");
  assert.is(Object.keys(read.judgements).length, 4);
  assert.equal(read.improvements, ["Sufficiency of homes for children."]);
});

written(
  "a PDF that draws each grade before its label loses those grades, rather than reading each with the row above",
  async () => {
    const rows = [
      ["Good", "The impact of leaders on social work practice with children and families"],
      ["Requires improvement to be good", "The experiences and progress of children who need help and protection"],
      ["Outstanding", "The experiences and progress of children in care"],
      ["Inadequate", "The experiences and progress of care leavers"],
    ];
    const pdf = makePdf([
      {
        lines: [
          { text: "Inspection of Example local authority children’s services", y: 780 },
          { text: "Inspection dates: 10 to 14 June 2024", y: 760 },
          { text: "Judgement Grade", y: 730 },
          ...rows.flatMap(([grade, label], index) => [
            { text: grade!, x: 400, y: 700 - index * 30, size: 9 },
            { text: label!, x: 72, y: 700 - index * 30, size: 9 },
          ]),
        ],
      },
    ]);
    const read = reading(await readReport(pdf));
    assert.equal(read.judgements, {});
  },
);

async function refusal(bytes: Uint8Array): Promise<string> {
  const outcome = await readReport(bytes);
  if (outcome.ok) throw new Error("read, but should have been refused");
  return outcome.reason;
}

written("a review of a safeguarding board on its own: the board's grade only, from its sentence", async () => {
  const pdf = makePdf([
    textPage(
      "Example Safeguarding Children Board",
      "Review of the effectiveness of the Local Safeguarding Children Board",
      "Inspection date: 1 June 2015 – 3 June 2015",
      "Report published: 20 July 2015",
      "The Local Safeguarding Children Board is good",
      "The board coordinates the work of partners to keep children in Example safe.",
    ),
    textPage(
      "Recommendations",
      "• Improve the board’s use of audits.",
      "• Strengthen training for schools.",
      "Inspection findings",
    ),
    textPage("The inspection team", "Lead inspector: Ann Example, HMI"),
  ]);
  const read = reading(await readReport(pdf));
  assert.is(read.boardReviewOnly, true);
  assert.is(read.authority, "Example");
  assert.equal(read.visit, { start: "2015-06-01", end: "2015-06-03" });
  assert.is(read.published, "2015-07-20");
  assert.equal(read.judgements, { "lscb-review": "good" }, "no grade of the council's services");
  assert.equal(Object.keys(read.readOutsideTable), ["lscb-review"], "read from a sentence: for review");
  assert.is(read.leadInspector, "Ann Example HMI");
  assert.equal(read.improvements, ["Improve the board’s use of audits.", "Strengthen training for schools."]);
  assert.is(read.headline, "The board coordinates the work of partners to keep children in Example safe.");
});

written("a focused visit letter and a monitoring visit are named, and not drafted", async () => {
  const letter = makePdf([
    textPage(
      "12 March 2019",
      "Dear Ms Example",
      "Focused visit to Example local authority children’s services",
      "This letter summarises the findings of the focused visit to Example local authority",
      "children’s services on 5 and 6 February 2019.",
    ),
  ]);
  assert.match(await refusal(letter), /focused visit letter, which is not graded/);
  const monitoring = makePdf([
    textPage(
      "Dear Mr Example",
      "Monitoring visit of Example children’s services",
      "This letter summarises the findings of the monitoring visit.",
    ),
  ]);
  assert.match(await refusal(monitoring), /monitoring visit letter/);
  assert.match(
    await refusal(makePdf([textPage("Minutes of the corporate parenting panel", "Present: members of the panel")])),
    /not an Ofsted inspection report/,
  );
});

const broken = suite("files that are not readable reports");

broken("each gets its reason, and none crashes the reader", async () => {
  assert.match(await refusal(makePdf([{ drawing: true }, { drawing: true }])), /no text to read \(a scanned image\?\)/);
  assert.match(await refusal(fixture("encrypted.pdf")), /encrypted with a password/);
  assert.match(
    await refusal(new TextEncoder().encode("<!DOCTYPE html>\n<html><body>Find an inspection report</body></html>")),
    /web page \(HTML\)/,
  );
  assert.match(await refusal(new Uint8Array(0)), /empty/);
  assert.match(await refusal(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3])), /zip archive/);
  assert.match(await refusal(new TextEncoder().encode("just some text")), /not a PDF/);
  const pdf = fixture("oxfordshire-2018-05-22.pdf");
  assert.match(await refusal(pdf.slice(0, 2000)), /damaged|cannot be read|could not read/);
});

oxfordshire.run();
written.run();
broken.run();
