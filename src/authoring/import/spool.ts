/**
 * The texts of the files an import will write, kept on disk between planning and writing
 * rather than in memory: a million files' text is a gigabyte. Each text is appended to one
 * temporary file, and read back by its place when it is written. The file is removed as
 * soon as it is made (it lives on while it is open), so nothing is left behind, even if
 * the import is killed.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export class Spool {
  private descriptor: number | undefined;
  private length = 0;

  /** Keeps `text`; returns how to read it back. */
  keep(text: string): () => string {
    if (this.descriptor === undefined) {
      const folder = mkdtempSync(join(tmpdir(), "explainers-import-"));
      this.descriptor = openSync(join(folder, "texts"), "w+", 0o600);
      rmSync(folder, { recursive: true, force: true });
    }
    const bytes = Buffer.from(text, "utf8");
    const at = this.length;
    writeSync(this.descriptor, bytes, 0, bytes.length, at);
    this.length += bytes.length;
    const size = bytes.length;
    return () => {
      const buffer = Buffer.alloc(size);
      readSync(this.descriptor!, buffer, 0, size, at);
      return buffer.toString("utf8");
    };
  }

  close(): void {
    if (this.descriptor !== undefined) closeSync(this.descriptor);
    this.descriptor = undefined;
  }
}
