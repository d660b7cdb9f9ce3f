// A worker of scripts/lib/document-pool.ts: takes the next unclaimed document, at most WINDOW ahead of
// the pipeline's loop, processes it and sends the result back.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { HelperWork } from '../../src/pipeline/index.ts';
import { processDocument } from '../../src/pipeline/process.ts';
import { createArticleRenderer } from '../../src/outputs/html-renderer.ts';
import { CURSOR, FREE, LOOP_AT, WINDOW, type WorkerMessage } from './document-pool.ts';

const { base, worker, signal, reply } = workerData as { base: string; worker: number; signal: SharedArrayBuffer; reply: MessagePort };
const wake = new Int32Array(signal);
// Only `render` is used here: the loop stores and relinks what comes back.
const renderer = createArticleRenderer(base);

function send(message: WorkerMessage): void {
  reply.postMessage(message);
  Atomics.add(wake, 0, 1);
  Atomics.notify(wake, 0);
}

parentPort!.once('message', ({ work, shared }: { work: HelperWork; shared: SharedArrayBuffer }) => {
  const state = new Int32Array(shared, 0, 2);
  const claims = new Int32Array(shared, 8, work.documents.length);
  const claimedBy = 2 + worker;
  for (;;) {
    const loopAt = Atomics.load(state, LOOP_AT);
    const next = Atomics.load(state, CURSOR);
    if (next >= claims.length) break;
    if (next - loopAt > WINDOW) {
      // Far enough ahead: wait for the loop to move on.
      Atomics.wait(state, LOOP_AT, loopAt, 100);
      continue;
    }
    const slot = Atomics.add(state, CURSOR, 1);
    if (slot >= claims.length) break;
    if (Atomics.compareExchange(claims, slot, FREE, claimedBy) !== FREE) continue;
    const { index, planned } = work.documents[slot]!;
    try {
      send({ index, result: processDocument(planned, work, work.targets, renderer) });
    } catch (error) {
      // The loop processes it again itself and reports the error as it would have.
      send({ index, error: error instanceof Error ? error.message : String(error) });
    }
  }
  reply.close();
});
