/** What the content layer hands the model: every file, read and checked, with its id. */
import type { SourceFile } from "./read-file.ts";
import type { EventData, FrameworkData, InspectionData, InspectorateData, OrganisationData, ScaleData } from "./schema.ts";

export interface Entry<T> {
  id: string;
  data: T;
  /** The Markdown body ("" for YAML files). */
  body: string;
  file: SourceFile;
}

export interface ContentSet {
  inspectorates: Entry<InspectorateData>[];
  scales: Entry<ScaleData>[];
  frameworks: Entry<FrameworkData>[];
  organisations: Entry<OrganisationData>[];
  inspections: Entry<InspectionData>[];
  events: Entry<EventData>[];
}
