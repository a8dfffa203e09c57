/**
 * Files a command is given to read, looked at with `stat` before anything opens them: a
 * named pipe (FIFO), a device or a socket is refused, as reading one can wait for ever or
 * never end; a file larger than any report is refused by its size, before it is read. And
 * a disk that fills while writing is said in words, not as a stack trace.
 */
import { readdirSync, statSync, type Stats } from "node:fs";
import { join } from "node:path";

/** Larger than any inspection report by far (Ofsted's are 1 to 5 MB); a PDF is read whole into memory. */
export const MAX_REPORT_BYTES = 64 * 1024 * 1024;

/** What a path is, when it is not a plain file: undefined for a plain file (or nothing there, which the reader reports). */
export function notPlainFile(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return "a folder";
  if (stats.isFIFO()) return "a named pipe (FIFO), which is never read: it would wait for whatever writes to it";
  if (stats.isSocket()) return "a socket, which is never read";
  return "a device, which is never read";
}

/** Why a report file is not read, from `stat` alone; undefined when it may be (or is not there: the reader says so). */
export function refusedReport(path: string): string | undefined {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch {
    return undefined;
  }
  const what = notPlainFile(stats);
  if (what) return `it is ${what}`;
  if (stats.size > MAX_REPORT_BYTES)
    return `it is ${megabytes(stats.size)}, and a report is read only up to ${megabytes(MAX_REPORT_BYTES)}`;
  return undefined;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The PDFs of a reports folder (as the readers pick them) that are not read, each with the reason. */
export function refusedReports(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => /\.pdf$/i.test(name) && !name.startsWith("."))
    .sort()
    .flatMap((name) => {
      const why = refusedReport(join(folder, name));
      return why ? [`${name}: ${why}`] : [];
    });
}

/** A plain message when a write failed because the disk (or the user's quota) is full; undefined for any other error. */
export function diskFull(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code !== "ENOSPC" && code !== "EDQUOT") return undefined;
  const where = (error as NodeJS.ErrnoException).path;
  return `The disk is full${code === "EDQUOT" ? " (your quota is used up)" : ""}${where ? `: ${where} could not be written` : ""}. The command stopped. Every file it wrote is whole (each is written beside its place, then renamed), and those it finished are in the manifest or are recognised by their bytes the next time: a half-written temporary file (.<name>.<number>.tmp) may be left beside the last one, which nothing reads. Make room, then run the same command again.`;
}
