/**
 * A worker thread that draws pictures (draw-pool.ts): jobs come in as messages, PNG bytes
 * go back. It has a heap of its own, so the garbage of laying out thousands of pictures
 * never sits in the build's heap (docs/performance.md, "Pictures").
 */
import { parentPort, workerData } from "node:worker_threads";
import type { ImageJob } from "../render/image-tree.ts";
import { createRasteriser } from "./rasterise.ts";

const rasteriser = createRasteriser((workerData as { fontsFolder: string }).fontsFolder);

parentPort!.on("message", async ({ id, job }: { id: number; job: ImageJob }) => {
  try {
    const png = await rasteriser.draw(job);
    parentPort!.postMessage({ id, png: new Uint8Array(png) });
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message });
  }
});
