import { badInput } from "../corpus.ts";

const SURREY = "content/organisations/surrey.md";
const KENT = "content/organisations/kent.md";
const DORSET = "content/organisations/dorset-police.md";
const OXON = "content/organisations/oxfordshire-cc.md";
const surrey = "---\nname: Surrey County Council\nkind: Upper-tier local authority\nregion: South-East\n---\n";
const kent = "---\nname: Kent County Council\nkind: Upper-tier Local Authority\nregion: SOUTH EAST\n---\n";
const dorset = "---\nname: Dorset Police\nkind: Police Force\nregion: South West\n---\n";
const oxon = "---\nname: Oxfordshire County-Council\nkind: Upper-tier local authority\nregion: South East\n---\n";

export default badInput({
  what: "a region, a kind and an organisation's name written another way (case, a hyphen): 'Did you mean ...?', with the spelling kept",
  files: { [SURREY]: surrey, [KENT]: kent, [DORSET]: dorset, [OXON]: oxon },
  problems: [
    {
      file: DORSET,
      line: 3,
      field: "kind",
      says: "'Police Force' differs from 'Police force' (as content/organisations/wessex-police.md writes it) only in case, punctuation or spacing",
      fix: "Did you mean 'Police force'?",
    },
    {
      file: KENT,
      line: 3,
      field: "kind",
      says: "'Upper-tier Local Authority' differs from 'Upper-tier local authority'",
      fix: "Did you mean 'Upper-tier local authority'?",
    },
    {
      file: KENT,
      line: 4,
      field: "region",
      says: "they would make two region pages for one region",
      fix: "Did you mean 'South East'?",
    },
    {
      file: OXON,
      line: 2,
      field: "name",
      says: [
        "'Oxfordshire County-Council' differs from 'Oxfordshire County Council' (as content/organisations/oxfordshire.md writes it)",
        "readers could not tell the two organisations apart",
      ],
      fix: "If the two are one organisation, keep one file",
    },
    {
      file: SURREY,
      line: 4,
      field: "region",
      says: "'South-East' differs from 'South East' (as content/organisations/oxfordshire-cc.md and 1 more write it)",
      fix: "Did you mean 'South East'? Write it the same way in every file.",
    },
  ],
  build: 1,
});
