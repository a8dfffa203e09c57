import { suite } from "uvu";
import * as assert from "uvu/assert";
import { contentsEntries, isContentsPage, pageOf, authorityPart } from "../../src/authoring/reports/contents.ts";
import { firstSentence, summarySentence } from "../../src/authoring/reports/headline.ts";
import { readImprovementList } from "../../src/authoring/reports/improvements.ts";
import { page } from "../fixtures/reports/pages.ts";

const list = suite("the list of what must improve");

list("ILACS bullets: continuation lines are indented; the next section's heading ends the list", () => {
  const found = readImprovementList([
    page([
      "Inspection of Example local authority children’s services",
      "12 to 23 February 2024 2",
      "What needs to improve?1",
      "◼ The timeliness of actions when decisions have been made for children to",
      [90, "escalate to pre-proceedings."],
      "◼ Support for young carers. (outcome 1, national",
      [90, "framework)"],
      "The experiences and progress of children who need help and",
      "protection: good",
      "1. Children and families benefit from early help.",
      [72, "1 The national framework for children’s social care.", 8],
    ]),
  ]);
  assert.equal(found, {
    items: [
      "The timeliness of actions when decisions have been made for children to escalate to pre-proceedings.",
      "Support for young carers. (outcome 1, national framework)",
    ],
    ended: true,
  });
});

list("SIF numbers: groups under sub-headings, across a page, until the next section", () => {
  const found = readImprovementList([
    page(
      [
        "7",
        "What does the local authority need to improve?",
        "Priority and immediate action",
        "24. Strengthen operational and senior management arrangements so that there is",
        [90, "sufficient capacity."],
        "25. Ensure that strategic and operational management oversight is effective.",
      ],
      7,
    ),
    page(
      [
        "8",
        "Areas for improvement:",
        "26. Review and strengthen assessment and care planning.",
        "Information about this inspection",
        "Inspectors have looked closely at the experiences of children.",
      ],
      8,
    ),
  ]);
  assert.equal(found?.items, [
    "Strengthen operational and senior management arrangements so that there is sufficient capacity.",
    "Ensure that strategic and operational management oversight is effective.",
    "Review and strengthen assessment and care planning.",
  ]);
  assert.is(found?.ended, true);
});

list("SIF numbers: two levels of sub-heading go on; a heading of strengths ends the list", () => {
  const found = readImprovementList([
    page([
      "What does the local authority need to improve?",
      "Priority and immediate action",
      "Workforce",
      "11. Review the number of cases held by all staff.",
      "Areas for improvement",
      "Quality of practice",
      "12. Promote the importance of stable relationships.",
      "The local authority’s strengths",
      "13. The local authority has a strategic understanding of early help.",
    ]),
  ]);
  assert.equal(found?.items, [
    "Review the number of cases held by all staff.",
    "Promote the importance of stable relationships.",
  ]);
  assert.is(found?.ended, true);
});

list("a list that runs to the foot of the page may go on: it says it has not ended", () => {
  const found = readImprovementList([
    page(["Recommendations", "1. Ensure that plans are clear.", "2. Ensure that visits are regular and"], 8),
  ]);
  assert.equal(found, { items: ["Ensure that plans are clear.", "Ensure that visits are regular and"], ended: false });
});

list("a contents line and a heading with nothing under it are not a list", () => {
  assert.is(
    readImprovementList([
      page(["Contents", "What does the local authority need to improve? 5", "Information about this inspection 6"]),
    ]),
    undefined,
  );
  assert.is(
    readImprovementList([page(["What needs to improve", "Inspectors found that the local authority has improved."])]),
    undefined,
  );
});

const sections = suite("contents pages and headline sentences");

sections("a contents page says where sections start, in the local authority's part", () => {
  const contents = page([
    "4",
    "Contents",
    "Executive summary 2",
    "Recommendations 8",
    "The experiences and progress of children who need help and",
    "protection 11",
    "The Local Safeguarding Children Board (LSCB) 33",
    "Executive summary 33",
    "Recommendations 34",
    "Information about this inspection 38",
  ]);
  assert.ok(isContentsPage(contents));
  const entries = contentsEntries(contents);
  assert.is(pageOf(entries, "experiencesandprogressofchildrenwhoneedhelpandprotection"), 11, "a title on two lines");
  assert.is(pageOf(entries, "informationaboutthisinspection"), 38);
  assert.is(pageOf(authorityPart(entries), "recommendations"), 8);
  assert.is(
    pageOf(authorityPart(entries.filter((entry) => entry.page !== 8)), "recommendations"),
    undefined,
    "not the board's",
  );
});

sections("the headline is about this inspection, not an earlier one", () => {
  assert.is(
    firstSentence(
      [
        "An inspection of safeguarding and looked after children in March 2012 judged services as adequate.",
        "This resulted in the local authority implementing a comprehensive improvement programme.",
        "While the formal intervention arrangements ended in early 2014, the local authority kept its board.",
        "The trajectory for improvement is positive.",
      ],
      2015,
    ),
    "The trajectory for improvement is positive.",
  );
  assert.is(
    firstSentence([
      "At the last inspection in 2017, children’s services required improvement to be good.",
      "Leaders now know their services well.",
    ]),
    "Leaders now know their services well.",
  );
  assert.is(
    firstSentence(
      ["Since the last inspection in 2019, when services were inadequate, leaders have acted decisively."],
      2023,
    ),
    "Since the last inspection in 2019, when services were inadequate, leaders have acted decisively.",
    "the change since then is this inspection's finding",
  );
});

sections("the headline: the first full sentence of quotable length", () => {
  assert.is(
    firstSentence([
      "The experiences and progress of children in Oxfordshire are good across",
      "all aspects of the framework. Leaders have made good progress.",
    ]),
    "The experiences and progress of children in Oxfordshire are good across all aspects of the framework.",
  );
  assert.is(
    firstSentence(["Too short.", "Early help assessments rose from 8.8 a week to 22 a week in 2018. More."]),
    "Early help assessments rose from 8.8 a week to 22 a week in 2018.",
  );
  const summary = page([
    "3",
    "Summary of key findings",
    "This local authority is good because",
    "1. When agencies are concerned about children, they know how to get the right",
    [90, "level of help for them. Thresholds are clear."],
  ]);
  assert.is(
    summarySentence(summary),
    "When agencies are concerned about children, they know how to get the right level of help for them.",
  );
});

list.run();
sections.run();
