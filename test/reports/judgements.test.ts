import { suite } from "uvu";
import * as assert from "uvu/assert";
import { readLscb, readSifOverall, readTable } from "../../src/authoring/reports/judgements.ts";
import { CompactText } from "../../src/authoring/reports/words.ts";

const table = suite("the judgement table");
const read = (text: string, family: "sif" | "ilacs") =>
  Object.fromEntries(readTable(new CompactText(text), family)?.judgements ?? []);

const ILACS_2023 = `Inspection of Oxfordshire local authority children’s services
Inspection dates: 12 to 23 February 2024
Lead inspector: Nicki Shaw, His Majesty’s Inspector
Judgement Grade
The impact of leaders on social work
practice with children and families
Good
The experiences and progress of
children who need help and protection
Requires improvement to be good
The experiences and progress of
children in care
Outstanding
The experiences and progress of care
leavers
Inadequate
Overall effectiveness Good
The experiences and progress of children and young people in Oxfordshire are good.`;

table("ILACS: each area's label, then its grade, as the 2023 framework's five rows", () => {
  assert.equal(read(ILACS_2023, "ilacs"), {
    "impact-of-leaders": "good",
    "help-and-protection": "requires-improvement",
    "children-in-care": "outstanding",
    "care-leavers": "inadequate",
    "overall-effectiveness": "good",
  });
});

table("words split or joined by the PDF are read alike, and label wording may vary", () => {
  const text = `Judgement Grade
The im pact of lead ers on practice with children and families Outs tanding
The experiences and progress of children who need help and protection Requires
Improvement
The experiences and progress of children in care and care le avers Go od
Overall effectiveness Requires improvement`;
  assert.equal(read(text, "ilacs"), {
    "impact-of-leaders": "outstanding",
    "help-and-protection": "requires-improvement",
    "children-in-care-and-care-leavers": "good",
    "overall-effectiveness": "requires-improvement",
  });
  const misprinted =
    "Judgement Grade\nThe experiences and progress of children in care Good\nThe experiences and progress of children care leavers Good";
  assert.equal(read(misprinted, "ilacs"), { "children-in-care": "good", "care-leavers": "good" });
});

table("a grade mentioned after the table is not part of it", () => {
  const text = `Judgement Grade
The impact of leaders on practice with children and families Good
The experiences and progress of children who need help and protection Good
The experiences and progress of children in care Good
The experiences and progress of care leavers Good
Since the last inspection in 2022, when the overall effectiveness judgement was good, leaders have built on their work
for children who need help and protection, which is outstanding in places.`;
  const judgements = read(text, "ilacs");
  assert.is(judgements["overall-effectiveness"], undefined, "2026 reports give no overall grade");
  assert.is(Object.keys(judgements).length, 4);
});

table("a row with no grade stops the table there rather than taking the next row's grade", () => {
  const text =
    "Judgement Grade\nThe impact of leaders on social work practice with children and families\nThe experiences and progress of children who need help and protection Good";
  assert.equal(read(text, "ilacs"), { "help-and-protection": "good" });
});

const SIF = `Coventry City Council
Inspection of services for children in need of help and
protection, children looked after and care leavers
and
Review of the effectiveness of the local safeguarding children
board1
Inspection date: 28 January–5 February 2014
The overall judgement is inadequate
There are widespread and serious failures that create or leave children being harmed
It is Ofsted’s expectation that, as a minimum, all children and young people receive
good help, care and protection.
1. Children who need help and protection Inadequate
2. Children looked after and achieving permanence Requires
Improvement
2.1 Adoption p erformance Requires
Improvement
2.2 Experiences and progress of care leavers Good
3. Leadership, management and governance Outstanding
The effectiveness of the Local Safeguarding Children Board (LSCB) is
inadequate`;

table("SIF: the numbered judgements with their sub-judgements, the overall sentence and the LSCB", () => {
  assert.equal(read(SIF, "sif"), {
    "help-and-protection": "inadequate",
    "children-looked-after": "requires-improvement",
    "adoption-performance": "requires-improvement",
    "care-leavers-experiences": "good",
    "leadership-management-governance": "outstanding",
  });
  const text = new CompactText(SIF);
  const found = readTable(text, "sif")!;
  assert.is(readSifOverall(text, found.start), "inadequate");
  assert.is(readLscb(text), "inadequate");
});

table("SIF overall judgement written as 'Children's services in X are/require ...'", () => {
  assert.is(readSifOverall(new CompactText("Children’s services in Derby City are good"), 999), "good");
  assert.is(
    readSifOverall(new CompactText("Children’s services in Warwickshire require improvement to be\ngood"), 999),
    "requires-improvement",
  );
  assert.is(
    readSifOverall(new CompactText("Children’s services require improvement to be good"), 999),
    "requires-improvement",
  );
  assert.is(
    readSifOverall(new CompactText("The overall judgement is that children’s services are\ninadequate.2"), 999),
    "inadequate",
  );
});

table("SIF: an area the table says was not judged", () => {
  const text = `1. Children who need help and protection Good
2. Children looked after and achieving permanence Good
2.1 Adoption performance Not judged
2.2 Experiences and progress of care leavers Good
3. Leadership, management and governance Outstanding`;
  assert.equal(read(text, "sif"), {
    "help-and-protection": "good",
    "children-looked-after": "good",
    "adoption-performance": "not-judged",
    "care-leavers-experiences": "good",
    "leadership-management-governance": "outstanding",
  });
});

table("the LSCB's own section: 'The Local Safeguarding Children Board requires improvement'", () => {
  assert.is(
    readLscb(
      new CompactText(
        "The Local Safeguarding Children Board (LSCB)\nThe Local Safeguarding Children Board requires improvement\nExecutive summary",
      ),
    ),
    "requires-improvement",
  );
  assert.is(readLscb(new CompactText("The LSCB is not demonstrating that it has effective arrangements")), undefined);
});

table.run();
