// Worker threads that parse, extract and render documents beside the pipeline's own loop (the
// DocumentHelpers of src/pipeline/index.ts). Workers and the loop claim documents in shared memory, so
// none is processed twice. Workers take the next unclaimed document from a shared cursor, at most
// WINDOW documents ahead of the loop; the loop needs results in document order, and while it waits for
// one a worker is still busy with, it processes the next unclaimed one itself. Results wait in memory
// until the loop reaches them, never more than about WINDOW of them, so a 10,000-document build still
// streams. Results are the same as the loop's own: processing a document depends only on its input.
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { DocumentHelpers, HelperWork } from '../pipeline/index.ts';
import type { ProcessedDocument } from '../pipeline/process.ts';

export interface DocumentPool extends DocumentHelpers {
  /** Documents the workers processed. */
  readonly helped: number;
  close(): Promise<void>;
}

/** The first message to a worker: the shared work without its documents, which come in batches. */
export interface WorkerStart {
  work: HelperWork;
  total: number;
  shared: SharedArrayBuffer;
}

/** Documents `from`, `from + 1`... of the work, in slot order. */
export interface FeedBatch {
  from: number;
  documents: HelperWork['documents'];
}

export interface WorkerMessage {
  index: number;
  result?: ProcessedDocument;
  error?: string;
}

/** The shared state: [next document for a worker, the loop's position]; then one claim per document. */
export const CURSOR = 0;
export const LOOP_AT = 1;
export const FREE = 0;
export const LOOP = 1;
export const WINDOW = 32;
/** A worker that sends nothing for this long is given up on; the loop processes the rest itself. */
const STALL_MS = 60_000;

/**
 * The workers worth starting on `cores` cores. With 4 or more, up to 3, from 50 documents to process.
 * With 2 or 3, one, and only for big sets: on the corpus (228 documents) a worker made cold builds
 * slower (13.7-16.7 s against 12.3-14.8 s: two remark parsers in one process reach ~1.2x, and the
 * worker's start-up and messages eat that), while at 10,000 documents one cut the parse by a third.
 */
export function defaultWorkers(cores = availableParallelism()): { workers: number; minDocuments: number } {
  return cores >= 4 ? { workers: Math.min(3, cores - 1), minDocuments: 50 } : { workers: 1, minDocuments: 2000 };
}

/**
 * Workers start with the work, and only for at least `minDocuments` documents to process: a rebuild
 * that parses a few changed documents is faster without them.
 */
export interface PoolOptions {
  workers: number;
  base: string;
  /** Fewer documents to process than this: no workers (their start-up would cost more than they save). */
  minDocuments: number;
  /**
   * The first fraction of the documents the workers help with; then they retire and the loop does the
   * rest alone. A worker's heap (~400 MB at 10,000 documents) then goes before the loop's own heap,
   * which grows with every document, reaches its peak.
   */
  share?: number;
  /** Each worker's old-generation limit, MiB: kept small, so it collects rather than grows. */
  heapMiB?: number;
}

export function createDocumentPool(options: PoolOptions): DocumentPool {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  let threads: { worker: Worker; port: MessagePort; feed: MessagePort }[] = [];
  const spawn = (n: number) => {
    const { port1, port2 } = new MessageChannel();
    const feed = new MessageChannel();
    const worker = new Worker(new URL('./document-worker.ts', import.meta.url), {
      workerData: { base: options.base, worker: n, signal: signal.buffer, reply: port2, feed: feed.port2 },
      transferList: [port2, feed.port2],
      // Loader flags carry over; heap flags are per process and a worker refuses them.
      execArgv: process.execArgv.filter((flag) => !flag.startsWith('--max-')),
      ...(options.heapMiB ? { resourceLimits: { maxOldGenerationSizeMb: options.heapMiB } } : {}),
    });
    worker.on('error', () => (dead = true));
    return { worker, port: port1, feed: feed.port1 };
  };
  let documents: HelperWork['documents'] = [];
  let sent = 0;
  /**
   * Hands the workers the documents up to slot `until`, and a window beyond it so that they go in
   * batches. They get them a window at a time, not all at once: a copy of every document's text in
   * each worker was a few hundred MB at 10,000 documents.
   */
  const feedUpTo = (until: number) => {
    if (until <= sent || sent >= documents.length) return;
    const batch: FeedBatch = { from: sent, documents: documents.slice(sent, until + WINDOW) };
    for (const { feed } of threads) feed.postMessage(batch);
    sent += batch.documents.length;
  };
  let slots = new Map<number, number>();
  let indexOf: number[] = [];
  let state = new Int32Array(new SharedArrayBuffer(8));
  let claims = new Int32Array(new SharedArrayBuffer(0));
  const arrived = new Map<number, WorkerMessage>();
  const ahead = new Map<number, ProcessedDocument>();
  let helped = 0;
  let dead = false;
  let retiring: Promise<unknown> = Promise.resolve();
  /** Moves every message already sent into `arrived`; true when there was one. */
  const drain = (): boolean => {
    let any = false;
    for (const { port } of threads) {
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
        const message = m.message as WorkerMessage;
        arrived.set(message.index, message);
        any = true;
      }
    }
    return any;
  };
  /** Claims the next unclaimed document within the window, for the loop to process out of turn. */
  const claimAhead = (slot: number): number | undefined => {
    while (Atomics.load(state, CURSOR) <= Math.min(slot + WINDOW, claims.length - 1)) {
      const next = Atomics.add(state, CURSOR, 1);
      if (next < claims.length && Atomics.compareExchange(claims, next, FREE, LOOP) === FREE) return next;
    }
    return undefined;
  };
  return {
    get helped() {
      return helped;
    },
    start(all: HelperWork) {
      if (all.documents.length < options.minDocuments) return;
      const work = { ...all, documents: all.documents.slice(0, Math.ceil(all.documents.length * (options.share ?? 1))) };
      threads = Array.from({ length: options.workers }, (_, n) => spawn(n));
      const shared = new SharedArrayBuffer(4 * (2 + work.documents.length));
      state = new Int32Array(shared, 0, 2);
      claims = new Int32Array(shared, 8, work.documents.length);
      indexOf = work.documents.map((d) => d.index);
      slots = new Map(indexOf.map((index, slot) => [index, slot]));
      documents = work.documents;
      const start: WorkerStart = { work: { ...work, documents: [] }, total: documents.length, shared };
      for (const { worker } of threads) worker.postMessage(start);
      feedUpTo(2 * WINDOW);
    },
    take(index, processHere) {
      const slot = slots.get(index);
      if (slot === undefined || threads.length === 0) return undefined;
      const result = takeSlot(index, slot, processHere);
      // The workers' last document is in: they retire, and their heaps go before the loop's peaks.
      if (slot === documents.length - 1) retire();
      return result;
    },
    async close() {
      retire();
      await retiring;
    },
  };

  function retire(): void {
    const closing = threads.map(({ worker, port, feed }) => (port.close(), feed.close(), worker.terminate()));
    threads = [];
    retiring = Promise.all([retiring, ...closing]);
  }

  function takeSlot(index: number, slot: number, processHere: (index: number) => ProcessedDocument): ProcessedDocument | undefined {
    // Before the workers learn the loop moved on: what they may now claim is already on its way.
    feedUpTo(slot + 2 * WINDOW);
    Atomics.store(state, LOOP_AT, slot);
    Atomics.notify(state, LOOP_AT);
    let last = Date.now();
    for (;;) {
      const mine = ahead.get(index);
      if (mine) {
        ahead.delete(index);
        return mine;
      }
      const done = arrived.get(index);
      if (done) {
        arrived.delete(index);
        if (!done.result) return undefined;
        helped++;
        return done.result;
      }
      if (dead || Atomics.compareExchange(claims, slot, FREE, LOOP) === FREE) return undefined;
      // Read the signal before looking at the ports, so a message sent in between wakes the wait.
      const seen = Atomics.load(signal, 0);
      if (drain()) {
        last = Date.now();
        continue;
      }
      const other = claimAhead(slot);
      if (other !== undefined) {
        ahead.set(indexOf[other]!, processHere(indexOf[other]!));
        continue;
      }
      if (Atomics.wait(signal, 0, seen, 1_000) === 'timed-out' && Date.now() - last > STALL_MS) dead = true;
    }
  }
}
