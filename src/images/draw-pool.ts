/**
 * Draws pictures on worker threads (draw-worker.ts), one per core, two jobs each at a time
 * (satori lays out one while resvg draws the other). Two reasons, both measured
 * (docs/performance.md, "Pictures"): satori's layout runs on whichever thread calls it, so
 * workers use both cores for it; and each worker's heap is its own and small, so the
 * garbage of thousands of pictures is collected as it goes. Drawn in the build's own
 * thread, it piled up in a heap that V8 let grow: 2.4 GB at 5,000 inspections.
 *
 * Workers start when the first picture is asked for, so a build that finds every picture
 * in the cache starts none. They load the TypeScript worker through tsx (draw-worker.mjs).
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { ImageJob } from "../render/image-tree.ts";
import { rasteriserIdentity, type Rasteriser } from "./rasterise.ts";

export interface DrawPool extends Rasteriser {
  /** Ends the workers; a pool that never started has nothing to end. */
  close(): Promise<void>;
}

/** Each worker's old generation: a picture needs a few MB; more only delays collection. */
const WORKER_HEAP_MB = 96;
const JOBS_PER_WORKER = 2;

interface Pending {
  resolve(png: Buffer): void;
  reject(error: Error): void;
}

export function createDrawPool(fontsFolder: string, size = availableParallelism()): DrawPool {
  const workers: { worker: Worker; busy: number }[] = [];
  const pending = new Map<number, Pending>();
  const waiting: (() => void)[] = [];
  let nextId = 0;

  const start = () => {
    for (let index = 0; index < size; index++) {
      const worker = new Worker(new URL("./draw-worker.mjs", import.meta.url), {
        workerData: { fontsFolder },
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      });
      const slot = { worker, busy: 0 };
      worker.on("message", (message: { id: number; png?: Uint8Array; error?: string }) => {
        const job = pending.get(message.id);
        pending.delete(message.id);
        slot.busy--;
        waiting.shift()?.();
        if (message.png) job?.resolve(Buffer.from(message.png));
        else job?.reject(new Error(message.error));
      });
      // A worker that dies takes its jobs with it: they fail, and so does the build.
      worker.on("error", (error) => {
        for (const job of pending.values()) job.reject(error);
        pending.clear();
      });
      workers.push(slot);
    }
  };

  const freeSlot = async (): Promise<(typeof workers)[number]> => {
    if (workers.length === 0) start();
    for (;;) {
      const slot = workers.reduce((best, candidate) => (candidate.busy < best.busy ? candidate : best));
      if (slot.busy < JOBS_PER_WORKER) return slot;
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  };

  return {
    identity: rasteriserIdentity(fontsFolder),
    async draw(job: ImageJob) {
      const slot = await freeSlot();
      slot.busy++;
      const id = nextId++;
      return new Promise<Buffer>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        slot.worker.postMessage({ id, job });
      });
    },
    async close() {
      await Promise.all(workers.splice(0).map(({ worker }) => worker.terminate()));
    },
  };
}
