/** A content file as read (read-file.ts): its data, and where each field was written. A leaf file: what reads, locates and checks fields imports it. */

export type FieldPath = readonly (string | number)[];

export interface Position {
  line: number;
  column: number;
}

export interface SourceFile {
  /** Path relative to the project, with forward slashes. */
  path: string;
  data: unknown;
  /** The Markdown after the frontmatter ("" for a YAML file). */
  body: string;
  /** Where a field was written; falls back to its nearest written parent. */
  locate(field: FieldPath): Position;
}
