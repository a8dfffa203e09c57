import { suite } from "uvu";
import * as assert from "uvu/assert";
import {
  compact,
  CompactText,
  joinLines,
  readDay,
  readDayRange,
  readDayRanges,
} from "../../src/authoring/reports/words.ts";

const words = suite("matching a report's words");

words("the compact form keeps letters and digits only, so split and joined words match", () => {
  assert.is(compact("Adoption p erformance"), compact("Adoption performance"));
  assert.is(compact("Requires\nImprovement to be  good"), "requiresimprovementtobegood");
  assert.is(compact("Children’s services"), compact("Children's services"));
});

words("what is found in the compact form is quoted as the report wrote it", () => {
  const text = new CompactText("Lead inspector: Nicki Shaw, HMI");
  const at = text.value.indexOf("nickishaw");
  assert.is(text.slice(at, at + "nickishaw".length), "Nicki Shaw");
  assert.is(text.after("leadinspector".length), ": Nicki Shaw, HMI");
});

const dates = suite("dates as reports write them");

dates("a visit, however its two days are joined", () => {
  const cases: [string, string, string][] = [
    ["29 April 2014 – 21 May 2014", "2014-04-29", "2014-05-21"],
    ["16 April to 20 April 2018", "2018-04-16", "2018-04-20"],
    ["28 January–5 February 2014", "2014-01-28", "2014-02-05"],
    ["14 January 2014- 5 February 2014", "2014-01-14", "2014-02-05"],
    ["10 to 14 June 2024", "2024-06-10", "2024-06-14"],
    ["15-19 July 2013", "2013-07-15", "2013-07-19"],
    ["02 March 2020 to 13 March 2020", "2020-03-02", "2020-03-13"],
    ["1 0 to 1 4 Ju ne 2024", "2024-06-10", "2024-06-14"],
    ["29 December to 9 January 2015", "2014-12-29", "2015-01-09"],
    ["3rd to 14th November 2025\nLead inspector: A. Person", "2025-11-03", "2025-11-14"],
    ["12/09/2016 to 06/10/2016", "2016-09-12", "2016-10-06"],
    ["12.09.2016 – 06.10.2016", "2016-09-12", "2016-10-06"],
    ["9–24 November 2017", "2017-11-09", "2017-11-24"],
    ["4 June 2018—28 June 2018", "2018-06-04", "2018-06-28"],
    ["15 June 2015 – 17 June 2015", "2015-06-15", "2015-06-17"],
    ["28 December 2017 to 5 January 2018", "2017-12-28", "2018-01-05"],
  ];
  for (const [text, start, end] of cases) assert.equal(readDayRange(text), { start, end }, text);
});

dates("what is not a real visit is not read as one", () => {
  assert.is(readDayRange("30 February to 2 March 2024"), undefined, "no 30 February");
  assert.is(readDayRange("20 May to 10 May 2024"), undefined, "ends before it starts");
  assert.is(readDayRange("1 January to 30 June 2024"), undefined, "no inspection lasts six months");
  assert.is(readDayRange("in the spring of 2024"), undefined);
});

dates("a visit in parts: every part, in order", () => {
  assert.equal(readDayRanges("5 to 9 December 2022 and 14 to 15 February 2023\nLead inspector"), [
    { start: "2022-12-05", end: "2022-12-09" },
    { start: "2023-02-14", end: "2023-02-15" },
  ]);
  assert.equal(readDayRanges("10 to 14 June 2024 and the children"), [{ start: "2024-06-10", end: "2024-06-14" }]);
  assert.equal(readDayRanges("5 to 9 December 2022 and 1 to 2 December 2022"), [
    { start: "2022-12-05", end: "2022-12-09" },
  ]);
  assert.equal(readDayRanges("28 July 2016"), [], "one day is not a range");
});

dates("a single day", () => {
  assert.is(readDay("25/11/2016"), "2016-11-25", "numeric, day first");
  assert.is(readDay("25/11/16"), "2016-11-25", "numeric, two-figure year");
  assert.is(readDay("01 September 2014"), "2014-09-01");
  assert.is(readDay("30 June 2014"), "2014-06-30");
  assert.is(readDay("9 Sept 2019"), "2019-09-09");
  assert.is(readDay("31 June 2014"), undefined);
});

dates("lines are joined with a space, or without one after a hyphen inside a word", () => {
  assert.is(
    joinLines(["The quality of case recording, including management decision-", "making."]),
    "The quality of case recording, including management decision-making.",
  );
  assert.is(joinLines(["homeless 16-", "and 17-year-olds"]), "homeless 16- and 17-year-olds");
});

words.run();
dates.run();
