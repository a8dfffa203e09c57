/**
 * What the import wrote, so that a re-import can tell three kinds of file apart:
 *
 * - ours and untouched: listed here, and its bytes still hash to what was written. It may
 *   be rewritten (identically, or with what a corrected mapping or CSV now gives).
 * - ours but edited: listed here, but its bytes have changed. Never touched again.
 * - not ours: not listed. Never touched, whatever its name.
 *
 * Why a manifest beside the content rather than a hash inside each file: the hash of a
 * file cannot be written into that same file without a rule for leaving it out again,
 * which an editor's change to that very line could defeat; `draft` is part of the content
 * schema, which should describe the inspection, not the importer's bookkeeping; and a
 * file an editor copies to a new name must not look like ours. The manifest's name starts
 * with a dot, so the content reader skips it.
 */
import { createHash } from "node:crypto";

export const MANIFEST_NAME = ".import-manifest.json";

export interface ManifestEntry {
  /** For an inspection: organisation|framework|kind|first day. For an organisation: `organisation|<id>`. */
  key: string;
  /** The CSV it came from. */
  source: string;
  /** sha256 of the bytes written, hex. */
  sha256: string;
}

export interface Manifest {
  /** Paths relative to the content folder, with forward slashes. */
  files: Map<string, ManifestEntry>;
}

export function hashOf(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export class ManifestError extends Error {}

export function parseManifest(text: string | undefined): Manifest {
  const files = new Map<string, ManifestEntry>();
  if (text === undefined) return { files };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ManifestError(`it is not valid JSON (${(error as Error).message})`);
  }
  const listed = (data as { files?: unknown } | null)?.files;
  if (listed === null || typeof listed !== "object" || Array.isArray(listed))
    throw new ManifestError("it has no 'files' group");
  for (const [path, entry] of Object.entries(listed as Record<string, unknown>)) {
    const { key, source, sha256 } = (entry ?? {}) as Record<string, unknown>;
    if (
      typeof key !== "string" ||
      typeof source !== "string" ||
      typeof sha256 !== "string" ||
      !/^[0-9a-f]{64}$/.test(sha256)
    ) {
      throw new ManifestError(`its entry for '${path}' is not { key, source, sha256 }`);
    }
    if (path.startsWith("/") || path.split("/").includes(".."))
      throw new ManifestError(`'${path}' is not a path inside the content folder`);
    files.set(path, { key, source, sha256 });
  }
  return { files };
}

/** Sorted, with no dates in it: the same imports give the same bytes. */
export function serialiseManifest(manifest: Manifest): string {
  const files: Record<string, ManifestEntry> = {};
  for (const path of [...manifest.files.keys()].sort()) {
    const { key, source, sha256 } = manifest.files.get(path)!;
    files[path] = { key, source, sha256 };
  }
  const about =
    "Written by `npm run import`: the files it wrote and a hash of what it wrote, so a re-import never overwrites a file an editor has changed. Keep it with the content; do not edit it.";
  return `${JSON.stringify({ about, files }, null, 2)}\n`;
}
