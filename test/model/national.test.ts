import { suite } from "uvu";
import * as assert from "uvu/assert";
import { nationalCsvRows, nationalData, nationalDataSchema } from "../../src/model/national-data.ts";
import { areaBase, nationalPicture, type LineagePicture } from "../../src/model/national.ts";
import { nationalPictureSection } from "../../src/render/national.ts";
import { emptyContent, inspection, modelOf, organisation, sampleContent, withEntries } from "../fixtures/content.ts";

/**
 * Five councils, counted by hand. Frameworks are the shipped Ofsted lineage.
 * alpha (North): 2018 ILACS 2018 all RI but children in care and care leavers good; 2024 ILACS 2023.
 * beta (North): 2019 ILACS 2018 only, so read through the 2023 split.
 * gamma (South): 2017 SIF, then 2023 ILACS 2023 (compared across two crosswalks), then an ungraded visit.
 * delta (South): a made-up example, never counted.
 * epsilon: no region.
 */
function fixture() {
  const sample = sampleContent();
  const withRegion = (id: string, name: string, region?: string, example = false) => {
    const entry = organisation(id, name);
    return { ...entry, data: { ...entry.data, ...(region ? { region } : {}), ...(example ? { example } : {}) } };
  };
  const ilacs2023 = (overall: string, leaders: string, help: string, care: string, leavers: string) => ({
    "overall-effectiveness": overall,
    "impact-of-leaders": leaders,
    "help-and-protection": help,
    "children-in-care": care,
    "care-leavers": leavers,
  });
  const content = withEntries(
    { ...emptyContent(), inspectorates: sample.inspectorates, scales: sample.scales, frameworks: sample.frameworks },
    {
      organisations: [
        withRegion("alpha", "Alpha", "North"),
        withRegion("beta", "Beta", "North"),
        withRegion("gamma", "Gamma", "South"),
        withRegion("delta", "Delta", "South", true),
        withRegion("epsilon", "Epsilon"),
      ],
      inspections: [
        inspection("alpha", "2018", {
          framework: "ofsted-ilacs-2018",
          visit: ["2018-05-01", "2018-05-10"],
          judgements: {
            "overall-effectiveness": "requires-improvement",
            "impact-of-leaders": "requires-improvement",
            "help-and-protection": "requires-improvement",
            "children-in-care-and-care-leavers": "good",
          },
        }),
        inspection("alpha", "2024", {
          framework: "ofsted-ilacs-2023",
          visit: ["2024-04-01", "2024-04-12"],
          published: "2024-06-01",
          judgements: ilacs2023("good", "good", "good", "good", "requires-improvement"),
        }),
        inspection("beta", "2019", {
          framework: "ofsted-ilacs-2018",
          visit: ["2019-03-04", "2019-03-08"],
          judgements: {
            "overall-effectiveness": "good",
            "impact-of-leaders": "good",
            "help-and-protection": "good",
            "children-in-care-and-care-leavers": "inadequate",
          },
        }),
        inspection("gamma", "2017", {
          framework: "ofsted-sif-2013",
          kind: "single-inspection",
          visit: ["2017-01-09", "2017-02-01"],
          judgements: {
            "overall-effectiveness": "good",
            "help-and-protection": "good",
            "children-looked-after": "good",
            "leadership-management-governance": "good",
          },
        }),
        inspection("gamma", "2023", {
          framework: "ofsted-ilacs-2023",
          visit: ["2023-06-05", "2023-06-16"],
          judgements: ilacs2023("outstanding", "outstanding", "good", "outstanding", "good"),
        }),
        inspection("gamma", "2024-visit", { framework: "ofsted-ilacs-2023", kind: "focused-visit", visit: "2024-02" }),
        inspection("delta", "2024", {
          framework: "ofsted-ilacs-2023",
          visit: ["2024-07-01", "2024-07-12"],
          published: "2024-09-01",
          judgements: ilacs2023("inadequate", "inadequate", "inadequate", "inadequate", "inadequate"),
        }),
        inspection("epsilon", "2024", {
          framework: "ofsted-ilacs-2023",
          visit: ["2024-03-04", "2024-03-15"],
          published: "2024-05-01",
          judgements: ilacs2023(
            "requires-improvement",
            "requires-improvement",
            "inadequate",
            "requires-improvement",
            "requires-improvement",
          ),
        }),
      ],
    },
  );
  return modelOf(content);
}

function distributionOf(lineage: LineagePicture) {
  return Object.fromEntries(
    lineage.distributions.map((distribution) => [
      distribution.area.id,
      {
        ...Object.fromEntries(
          distribution.grades.map((item) => [item.grade.id, item.organisations.map((organisation) => organisation.id)]),
        ),
        "not-graded": Object.values(distribution.noGrade)
          .flat()
          .map((organisation) => organisation.id),
      },
    ]),
  );
}

const national = suite("national picture");

national("is as at the latest publication date, leaving the made-up example out", () => {
  const model = fixture();
  const picture = nationalPicture(model.organisations, model.frameworks, model.crosswalks);
  assert.is(picture.asAt, "2024-06-01");
  assert.is(picture.lineages.length, 1);
  assert.is(picture.lineages[0]!.framework.id, "ofsted-ilacs-2023");
  assert.equal(picture.lineages[0]!.latest.map((inspection) => inspection.id).sort(), [
    "alpha/2024",
    "beta/2019",
    "epsilon/2024",
    "gamma/2023",
  ]);
});

national("counts each council's latest grade per area, reading older frameworks through the crosswalk", () => {
  const model = fixture();
  const [lineage] = nationalPicture(model.organisations, model.frameworks, model.crosswalks).lineages;
  assert.equal(distributionOf(lineage!), {
    "overall-effectiveness": {
      outstanding: ["gamma"],
      good: ["alpha", "beta"],
      "requires-improvement": ["epsilon"],
      inadequate: [],
      "not-graded": [],
    },
    "impact-of-leaders": {
      outstanding: ["gamma"],
      good: ["alpha", "beta"],
      "requires-improvement": ["epsilon"],
      inadequate: [],
      "not-graded": [],
    },
    "help-and-protection": {
      outstanding: [],
      good: ["alpha", "beta", "gamma"],
      "requires-improvement": [],
      inadequate: ["epsilon"],
      "not-graded": [],
    },
    "children-in-care": {
      outstanding: ["gamma"],
      good: ["alpha"],
      "requires-improvement": ["epsilon"],
      inadequate: ["beta"],
      "not-graded": [],
    },
    "care-leavers": {
      outstanding: [],
      good: ["gamma"],
      "requires-improvement": ["alpha", "epsilon"],
      inadequate: ["beta"],
      "not-graded": [],
    },
  });
});

national(
  "counts movers from the same comparisons the explainers show, split areas against the old combined grade",
  () => {
    const model = fixture();
    const [lineage] = nationalPicture(model.organisations, model.frameworks, model.crosswalks).lineages;
    assert.equal(
      lineage!.movements.map((movement) => ({
        framework: movement.framework.id,
        organisations: movement.organisations,
        first: movement.firstInspections,
        areas: movement.areas.map((area) => [
          area.area.id,
          area.counts.improved,
          area.counts.unchanged,
          area.counts.declined,
          Object.values(area.notCompared).reduce((sum, count) => sum + count, 0),
          area.differentScale,
        ]),
      })),
      [
        {
          framework: "ofsted-ilacs-2023",
          organisations: 3,
          first: 1,
          areas: [
            ["overall-effectiveness", 2, 0, 0, 0, 0],
            ["impact-of-leaders", 2, 0, 0, 0, 0],
            ["help-and-protection", 1, 1, 0, 0, 0],
            // Gamma's were two SIF judgements (children looked after, care leavers), which the
            // one ILACS 2018 judgement took together: not compared, never set against one.
            ["children-in-care", 0, 1, 0, 1, 0],
            ["care-leavers", 0, 0, 1, 1, 0],
          ],
        },
        // Beta's only inspection is its first on this site: counted, and said to have nothing to compare with.
        { framework: "ofsted-ilacs-2018", organisations: 1, first: 1, areas: [] },
      ],
    );
  },
);

national("groups the headline judgement by region, for organisations that have one", () => {
  const model = fixture();
  const [lineage] = nationalPicture(model.organisations, model.frameworks, model.crosswalks).lineages;
  assert.is(lineage!.byRegion!.area.id, "overall-effectiveness");
  assert.equal(lineage!.byRegion!.rows, [
    { region: "North", counts: [0, 2, 0, 0], noGrade: 0 },
    { region: "South", counts: [1, 0, 0, 0], noGrade: 0 },
  ]);
});

national("an earlier as-at date uses only what was published by then", () => {
  const model = fixture();
  const [lineage] = nationalPicture(model.organisations, model.frameworks, model.crosswalks, "2023-12-31").lineages;
  assert.equal(lineage!.latest.map((inspection) => inspection.id).sort(), ["alpha/2018", "beta/2019", "gamma/2023"]);
  assert.equal(distributionOf(lineage!)["care-leavers"], {
    outstanding: [],
    good: ["alpha", "gamma"],
    "requires-improvement": [],
    inadequate: ["beta"],
    "not-graded": [],
  });
});

/**
 * ILACS 2023's overall effectiveness (the headline) and care leavers applying to one kind
 * of council only (`appliesTo`): one of another kind with no grade there is out of the
 * area's base, and of the regions' rows; one with a grade there counts it, as its page
 * shows it; one of the kind with none is counted among those with no grade, as before.
 */
national("an area that does not apply to an organisation's kind leaves it out of that area's base", () => {
  const sample = sampleContent();
  const LIMITED = new Set(["overall-effectiveness", "care-leavers"]);
  const frameworks = sample.frameworks.map((entry) =>
    entry.id === "ofsted-ilacs-2023"
      ? {
          ...entry,
          data: {
            ...entry.data,
            areas: entry.data.areas.map((area) =>
              LIMITED.has(area.id) ? { ...area, appliesTo: ["Upper-tier local authority"] } : area,
            ),
          },
        }
      : entry,
  );
  const council = (id: string, kind: string) => {
    const entry = organisation(id, id.toUpperCase());
    return { ...entry, data: { ...entry.data, kind, region: "North" } };
  };
  const judged = (id: string, leaving: string[]) =>
    inspection(id, "2024", {
      framework: "ofsted-ilacs-2023",
      visit: ["2024-04-01", "2024-04-12"],
      judgements: Object.fromEntries(
        ["overall-effectiveness", "impact-of-leaders", "help-and-protection", "children-in-care", "care-leavers"]
          .filter((area) => !leaving.includes(area))
          .map((area) => [area, "good"]),
      ),
    });
  const model = modelOf(
    withEntries(
      { ...emptyContent(), inspectorates: sample.inspectorates, scales: sample.scales, frameworks },
      {
        organisations: [
          council("upper", "Upper-tier local authority"),
          council("upper-unknown", "Upper-tier local authority"),
          council("unitary", "Unitary authority"),
          council("unitary-graded", "Unitary authority"),
        ],
        inspections: [
          judged("upper", []),
          judged("upper-unknown", ["overall-effectiveness", "care-leavers"]),
          judged("unitary", ["overall-effectiveness", "care-leavers"]),
          judged("unitary-graded", []),
        ],
      },
    ),
  );
  const [lineage] = nationalPicture(model.organisations, model.frameworks, model.crosswalks).lineages;
  const ids = (list: readonly { id: string }[]) => list.map((item) => item.id);
  for (const id of ["overall-effectiveness", "care-leavers"]) {
    const distribution = lineage!.distributions.find((item) => item.area.id === id)!;
    assert.equal(ids(distribution.grades[1]!.organisations), ["unitary-graded", "upper"], id);
    assert.equal(ids(distribution.noGrade.unknown), ["upper-unknown"], id);
    assert.equal(ids(distribution.noGrade["does-not-apply"]), ["unitary"], id);
    assert.equal(areaBase(distribution, lineage!.latest.length), 3, id);
  }
  const help = lineage!.distributions.find((item) => item.area.id === "help-and-protection")!;
  assert.equal(help.noGrade["does-not-apply"], []);
  assert.equal(lineage!.byRegion!.rows, [{ region: "North", counts: [0, 2, 0, 0], noGrade: 1 }]);

  // The page and the open data say the base: three counted, one left out, and why.
  const picture = nationalPicture(model.organisations, model.frameworks, model.crosswalks);
  const page = nationalPictureSection(picture).toString();
  assert.match(
    page,
    "This area applies only to Upper-tier local authority: 3 of the 4 organisations are counted here, and the other 1 left out. Good or better: 2 of the 2 organisations with a grade here. 1 organisation has a grade not on this site yet, counted apart.</p>",
  );
  assert.not.match(page, "has no grade in this area");
  const about = { title: "T", licence: "L", publisher: "P", as_at: "2024-04-12", data_notes: [] };
  const data = nationalDataSchema.parse(nationalData(picture, about));
  const leavers = data.lineages[0]!.areas.find((area) => area.area_id === "care-leavers")!;
  assert.equal(
    [leavers.organisations, leavers.applies_to, leavers.graded, leavers.no_grade["does-not-apply"]],
    [3, ["Upper-tier local authority"], 2, ["unitary"]],
  );
  const helpData = data.lineages[0]!.areas.find((area) => area.area_id === "help-and-protection")!;
  assert.equal([helpData.organisations, helpData.applies_to], [4, null]);
  const rows = nationalCsvRows([picture]).filter((row) => row.area_id === "care-leavers");
  assert.ok(rows.every((row) => row.organisations === 3));
  assert.is(rows.find((row) => row.rating_id === "does-not-apply")!.count, 1);
});

national.run();
