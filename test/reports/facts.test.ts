import { suite } from "uvu";
import * as assert from "uvu/assert";
import {
  readAuthority,
  readLeadInspector,
  readPublished,
  readVisit,
  readVisitDays,
} from "../../src/authoring/reports/facts.ts";
import { page } from "../fixtures/reports/pages.ts";

const facts = suite("the facts a report states in labelled lines");

facts("visit dates and publication date, by their labels' words", () => {
  assert.equal(
    readVisit(page(["1", "Inspection date: 29 April 2014 – 21 May 2014", "Report published: 30 June 2014"])),
    {
      start: "2014-04-29",
      end: "2014-05-21",
    },
  );
  assert.is(
    readPublished(page(["Inspection date: 29 April 2014 – 21 May 2014", "Report published: 30 June 2014"])),
    "2014-06-30",
  );
  assert.equal(readVisit(page(["Insp ection d ates: 10 to 14 June 2024"])), { start: "2024-06-10", end: "2024-06-14" });
  assert.is(readPublished(page(["Inspection dates: 10 to 14 June 2024"])), undefined, "ILACS reports do not say");
  assert.is(readVisit(page(["Inspection dates: to be confirmed"])), undefined);
  assert.equal(readVisit(page(["Inspection date: 12/09/2016 to 06/10/2016", "Report published: 25/11/2016"])), {
    start: "2016-09-12",
    end: "2016-10-06",
  });
  assert.is(readPublished(page(["Report published: 25/11/2016"])), "2016-11-25");
  assert.equal(
    readVisit(page(["Inspection date: 28 July 2016", "Report published: 20 September 2016"])),
    {
      start: "2016-07-28",
      end: "2016-07-28",
    },
    "the one day the report gives",
  );
});

facts("a visit in two parts keeps both", () => {
  const days = readVisitDays(page(["Inspection dates: 5 to 9 December 2022 and 14 to 15 February 2023"]));
  assert.equal(days, {
    start: "2022-12-05",
    end: "2023-02-15",
    parts: [
      { start: "2022-12-05", end: "2022-12-09" },
      { start: "2023-02-14", end: "2023-02-15" },
    ],
  });
  assert.equal(readVisitDays(page(["Inspection dates: 10 to 14 June 2024"])), {
    start: "2024-06-10",
    end: "2024-06-14",
  });
});

facts("the lead inspector, with the title written HMI as editors write it", () => {
  const lead = (...lines: string[]) => readLeadInspector(page(lines));
  assert.is(lead("Lead inspector: Nicki Shaw, His Majesty’s Inspector"), "Nicki Shaw HMI");
  assert.is(lead("Lead inspector: Amanda Maxwell, Her Majesty’s Inspector"), "Amanda Maxwell HMI");
  assert.is(lead("Lead inspector: Joy Howick", "Her Majesty's Inspector"), "Joy Howick HMI");
  assert.is(lead("Lead inspector: Donna Marriott HMI"), "Donna Marriott HMI");
  assert.is(lead("Lead inspector: Marie McGuinness Senior HMI"), "Marie McGuinness Senior HMI");
  assert.is(lead("Lead inspector: Louise Warren", "Deputy lead inspector: Margaret Burke"), "Louise Warren");
  assert.is(lead("Deputy lead inspector: Margaret Burke"), undefined, "a deputy is not the lead");
  assert.is(lead("Lead inspector:", "Paul D’Inverno"), "Paul D’Inverno");
  assert.is(lead("Reporting inspector Sarah Urding HMI"), "Sarah Urding HMI");
  assert.is(lead("Lead inspector: Graham Reiter, HMI"), "Graham Reiter HMI");
  assert.is(lead("Lead inspector: to be announced in due course by the inspectorate"), undefined, "not a name");
});

facts("the local authority, as the first page names it", () => {
  const authority = (...lines: string[]) => readAuthority(page(lines));
  assert.is(
    authority(
      "Inspection of Oxfordshire local",
      "authority children’s services",
      "Inspection dates: 12 to 23 February 2024",
    ),
    "Oxfordshire",
  );
  assert.is(
    authority("Inspection of the London Borough of", "Ealing local authority children’s services"),
    "London Borough of Ealing",
  );
  assert.is(
    authority("1", "Oxfordshire County Council", "Inspection of services for children in need of help and"),
    "Oxfordshire County Council",
  );
  assert.is(
    authority("1", "Royal Borough of Kingston upon", "Thames", "Inspection of children’s social care services"),
    "Royal Borough of Kingston upon Thames",
  );
  assert.is(
    authority("1", "Halton Borough Council", "Inspection of local authority children’s services"),
    "Halton Borough Council",
  );
  assert.is(authority("Inspection of Hampshire County Council’s children’s services"), "Hampshire County Council");
  assert.is(authority("Dear Ms Smith", "Monitoring visit to Example children’s services"), undefined);
  assert.is(
    authority(
      "Doncaster Metropolitan Borough",
      "Council",
      "Re-inspection of services for children in need of help and",
    ),
    "Doncaster Metropolitan Borough Council",
    "a re-inspection",
  );
  assert.is(
    authority(
      "Inspection of Plymouth City Council children’s services",
      "22 January to 2 February 2024 1",
      "Inspection of Plymouth City Council",
      "local authority children’s services",
    ),
    "Plymouth City Council",
    "a running header drawn before the title",
  );
  assert.is(
    authority("Surrey Safeguarding Children Board", "Review of the effectiveness of the Local Safeguarding Children"),
    "Surrey",
    "a review of a safeguarding board on its own",
  );
});

facts.run();
