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

/**
 * Per folder, the ids (file names) of files that exist but could not be read or failed
 * their schema. Their own problems are reported; checks of other files skip references
 * to them, so an editor is not also told that the file they are fixing does not exist.
 */
export type Unreadable = { [K in keyof ContentSet]: Set<string> };

export function noUnreadable(): Unreadable {
  return { inspectorates: new Set(), scales: new Set(), frameworks: new Set(), organisations: new Set(), inspections: new Set(), events: new Set() };
}
