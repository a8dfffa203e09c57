/**
 * How large content may be. Each limit is far above what a real file needs (the longest
 * summary in the sample is under 600 characters, the deepest field five levels down), and
 * each stops something a real file never does: a pasted PDF, a field that would make a
 * page megabytes long, nesting that would exhaust the reader's stack. Told to editors in
 * docs/content-format.md ("Limits"); a test holds the two to each other.
 */
export const LIMITS = {
  /** Bytes in one content file (or site.yaml, or a mapping file): larger ones are not read. */
  fileBytes: 1_000_000,
  /** Lists and groups of fields inside each other. */
  nesting: 20,
  /** Characters in an id (a file name, a grade, an area): ids become folder names in the site, and a file system takes 255 bytes at most. */
  id: 100,
  /** Characters in names, titles, labels and other one-line text. */
  shortText: 300,
  /** Characters in summaries, descriptions, meanings, quotes, improvements and notes. */
  longText: 5_000,
  /** Characters in a web address. */
  url: 2_000,
  /** Characters in the Markdown after the frontmatter. */
  body: 100_000,
} as const;
