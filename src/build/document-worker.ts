// A worker of src/build/document-pool.ts: takes the next unclaimed document, at most WINDOW ahead of
// the pipeline's loop, processes it and sends the result back.
import { parentPort, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import type { HelperWork } from '../pipeline/index.ts';
import { processDocument } from '../pipeline/process.ts';
import { createArticleRenderer } from '../outputs/html-renderer.ts';
import { CURSOR, FREE, LOOP_AT, WINDOW, type FeedBatch, type WorkerMessage, type WorkerStart } from './document-pool.ts';

const { base, worker, signal, reply, feed } = workerData as { base: string; worker: number; signal: SharedArrayBuffer; reply: MessagePort; feed: MessagePort };
const wake = new Int32Array(signal);
// Only `render` is used here: the loop stores and relinks what comes back.
const renderer = createArticleRenderer(base);

function send(message: WorkerMessage): void {
  reply.postMessage(message);
  Atomics.add(wake, 0, 1);
  Atomics.notify(wake, 0);
}

parentPort!.once('message', ({ work, total, shared }: WorkerStart) => {
  const state = new Int32Array(shared, 0, 2);
  const claims = new Int32Array(shared, 8, total);
  // Documents arrive in batches ahead of what may be claimed (document-pool.ts feedUpTo); each is
  // dropped once processed.
  const documents = new Map<number, HelperWork['documents'][number]>();
  let lowest = 0;
  const documentAt = (slot: number) => {
    for (;;) {
      for (let m = receiveMessageOnPort(feed); m; m = receiveMessageOnPort(feed)) {
        const batch = m.message as FeedBatch;
        batch.documents.forEach((d, i) => documents.set(batch.from + i, d));
      }
      // After the batches are in (one may still hold them): slots are claimed in increasing order, so
      // the ones below this one went to the loop or another worker.
      for (; lowest < slot; lowest++) documents.delete(lowest);
      const found = documents.get(slot);
      if (found) {
        documents.delete(slot);
        return found;
      }
      Atomics.wait(state, LOOP_AT, Atomics.load(state, LOOP_AT), 5);
    }
  };
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
    const { index, planned } = documentAt(slot);
    try {
      send({ index, result: processDocument(planned, work, work.targets, renderer) });
    } catch (error) {
      // The loop processes it again itself and reports the error as it would have.
      send({ index, error: error instanceof Error ? error.message : String(error) });
    }
  }
  reply.close();
});
