import { suite } from "uvu";
import * as assert from "uvu/assert";
import {
  matchOrganisation,
  organisationId,
  placeName,
  sameOrganisation,
} from "../../src/authoring/reports/organisation.ts";

const names = suite("which organisation a report is about");

names("a council's name comes down to its place", () => {
  assert.is(placeName("Oxfordshire County Council"), "Oxfordshire");
  assert.is(placeName("London Borough of Barnet"), "Barnet");
  assert.is(placeName("Royal Borough of Kingston upon Thames"), "Kingston upon Thames");
  assert.is(placeName("Bristol City of"), "Bristol");
  assert.is(placeName("Derby City"), "Derby");
  assert.is(placeName("Halton Borough Council"), "Halton");
  assert.is(placeName("City of London"), "City of London");
  assert.is(placeName("Stockton-on-Tees"), "Stockton-on-Tees");
});

names("reports naming a council differently over the years find the same organisation", () => {
  const content = [
    { id: "oxfordshire", name: "Oxfordshire County Council" },
    { id: "north-somerset", name: "North Somerset Council" },
    { id: "somerset", name: "Somerset Council" },
    { id: "york", name: "City of York Council" },
  ];
  assert.is(matchOrganisation("Oxfordshire", content), "oxfordshire");
  assert.is(matchOrganisation("Oxfordshire County Council", content), "oxfordshire");
  assert.is(matchOrganisation("North Somerset", content), "north-somerset");
  assert.is(matchOrganisation("Somerset", content), "somerset", "not North Somerset");
  assert.is(matchOrganisation("York", content), "york");
  assert.is(matchOrganisation("Barnet", content), undefined);
});

names("name forms: '&' and 'and', 'Council', 'Metropolitan Borough', trusts, short names", () => {
  assert.ok(sameOrganisation("Telford and Wrekin Council", "telford & wrekin"));
  assert.ok(sameOrganisation("Royal Borough of Windsor and Maidenhead", "windsor & maidenhead"));
  assert.ok(sameOrganisation("Doncaster Metropolitan Borough Council", "doncaster"));
  assert.ok(sameOrganisation("Doncaster Metropolitan Borough", "doncaster"));
  assert.ok(sameOrganisation("Slough Children’s Services Trust", "slough"));
  assert.ok(sameOrganisation("Hull City Council", "kingston upon hull"));
  assert.ok(sameOrganisation("East Riding of Yorkshire Council", "east riding"));
  assert.ok(sameOrganisation("East Riding", "east riding of yorkshire"));
  assert.ok(sameOrganisation("County Durham", "durham"));
  assert.ok(sameOrganisation("City of London", "london corporation"));
  assert.ok(sameOrganisation("Bournemouth, Christchurch and Poole Council", "bournemouth, christchurch & poole"));
  assert.not.ok(sameOrganisation("Kingston upon Hull", "kingston upon thames"), "both are Kingston, not the same");
  assert.not.ok(sameOrganisation("Somerset County Council", "north somerset"));
  assert.not.ok(sameOrganisation("North Lincolnshire", "north east lincolnshire"));
  assert.not.ok(sameOrganisation("Isle of Wight", "isle"));
});

names("a new organisation's id is its place", () => {
  assert.is(organisationId("Royal Borough of Kingston upon Thames"), "kingston-upon-thames");
  assert.is(organisationId("Bath and North East Somerset"), "bath-and-north-east-somerset");
  assert.is(organisationId("City of London"), "city-of-london");
});

names.run();
