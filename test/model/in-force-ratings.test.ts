/**
 * Ratings in force where the source gives every grade in force (src/model/ratings.ts,
 * docs/domain.md): an inspectorate with `gradings: in-force`. After an inspection, the
 * ratings are exactly its grades (and its `alsoInForce`); each stands "since" the first
 * inspection of its unbroken run, following the crosswalk only from the inspection just
 * before.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { inspectorateSchema } from "../../src/content/schema.ts";
import { ratingsInForceRows } from "../../src/model/open-data.ts";
import {
  emptyContent,
  fakeFile,
  findOrganisation,
  framework,
  inspection,
  modelOf,
  organisation,
  scale,
  withEntries,
} from "../fixtures/content.ts";

const kinds = [{ id: "inspection", label: "Inspection", graded: true, judges: "some" as const }];

function model(extra: { inForce?: boolean; also?: boolean } = {}) {
  const raw = {
    name: "Datastore Inspectorate",
    shortName: "DI",
    ...(extra.inForce === false ? {} : { gradings: "in-force" }),
  };
  const inspectorate = {
    id: "di",
    data: inspectorateSchema.parse(raw),
    body: "",
    file: fakeFile("content/inspectorates/di.yaml", raw),
  };
  const at = (
    slug: string,
    frameworkId: string,
    day: string,
    judgements: Record<string, string>,
    also?: Record<string, Record<string, string>>,
  ) => {
    const entry = inspection("service", slug, {
      framework: frameworkId,
      kind: "inspection",
      visit: [day, day],
      judgements,
    });
    return also && extra.also !== false ? { ...entry, data: { ...entry.data, alsoInForce: also } } : entry;
  };
  return modelOf(
    withEntries(emptyContent(), {
      inspectorates: [inspectorate],
      scales: [scale("six", "the test scale", ["excellent", "good", "weak"])],
      frameworks: [
        framework("themes", {
          inspectorate: "di",
          shortName: "Themes",
          scale: "six",
          inForce: { from: "2010-01-01" },
          areas: ["environment", "staffing", "information"],
          kinds,
        }),
        framework("questions", {
          inspectorate: "di",
          shortName: "Questions",
          scale: "six",
          inForce: { from: "2018-01-01" },
          areas: ["setting", "staff-team", "wellbeing"],
          kinds,
          replaces: {
            framework: "themes",
            crosswalk: [
              { relation: "renamed", from: "environment", to: "setting" },
              { relation: "renamed", from: "staffing", to: "staff-team" },
              { relation: "removed", from: "information" },
              { relation: "new", to: "wellbeing" },
            ],
          },
        }),
      ],
      organisations: [organisation("service", "Service")],
      inspections: [
        at("2012", "themes", "2012-05-01", { environment: "good", staffing: "good", information: "weak" }),
        at("2015", "themes", "2015-05-01", { environment: "good", staffing: "excellent" }),
        // Moving frameworks: wellbeing in its own column, the themes' grades still published beside it.
        at(
          "2019",
          "questions",
          "2019-05-01",
          { wellbeing: "good" },
          { themes: { environment: "good", staffing: "excellent", information: "good" } },
        ),
        at("2021", "questions", "2021-05-01", { wellbeing: "good", setting: "good" }),
        at("2023", "questions", "2023-05-01", { setting: "good", "staff-team": "excellent" }),
      ],
    }),
  );
}

const rows = (built: ReturnType<typeof model>) =>
  ratingsInForceRows(findOrganisation(built, "service")).map((row) => [
    row.published_area_id ?? row.area_id,
    row.grade_id,
    row.since_inspection_id,
  ]);

const inForce = suite("ratings in force from gradings that give every grade in force");

inForce("after an inspection, exactly its grades; each since the first of its unbroken run", () => {
  // setting: good since 2012 (environment then, the crosswalk followed each time from the grading before);
  // staff team: excellent, but not in 2021's grading: a new run from 2023; wellbeing: not in 2023's, gone.
  assert.equal(rows(model()), [
    ["setting", "good", "service/2012"],
    ["staff-team", "excellent", "service/2023"],
  ]);
});

inForce("grades published under the earlier framework are read into their successor, or kept beside", () => {
  const built = model();
  const after2019 = built.inspections.find((candidate) => candidate.id === "service/2019")!.ratings!.after;
  assert.equal(
    [...after2019.ratings.values()].map((rating) => [
      rating.area.id,
      rating.outcome.id,
      rating.inspection.id,
      rating.publishedAs?.area.id,
    ]),
    [
      ["wellbeing", "good", "service/2019", "wellbeing"],
      ["setting", "good", "service/2012", "environment"],
      ["staff-team", "excellent", "service/2015", "staffing"],
    ],
  );
  // Information has no successor: published beside, as a grade of the themes, new here (weak in 2012, not in 2015).
  assert.equal(
    after2019.beside.map((rating) => [rating.area.id, rating.outcome.id, rating.inspection.id, rating.judgedIn?.id]),
    [["information", "good", "service/2019", "themes"]],
  );
});

inForce(
  "without 'gradings: in-force', an area an inspection leaves out keeps its rating, and alsoInForce is refused",
  () => {
    assert.equal(rows(model({ inForce: false, also: false })), [
      ["setting", "good", "service/2023"],
      ["staff-team", "excellent", "service/2023"],
      ["wellbeing", "good", "service/2021"],
    ]);
    assert.throws(
      () => model({ inForce: false }),
      /alsoInForce: DI's gradings are not marked as giving every grade in force/,
    );
  },
);

inForce.run();
