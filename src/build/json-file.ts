// Big JSON outputs (graph.json is ~300 MB at 10,000 documents) written without ever holding the whole
// text: JSON.stringify of the graph at once needs the string and its copies on top of the objects, and
// that is where a 10,000-document build ran out of memory. The bytes are exactly JSON.stringify(value).
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';

/** JSON.stringify(value) in pieces: top-level arrays element by element. */
export function* jsonChunks(value: unknown): Generator<string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    if (Array.isArray(value)) yield* arrayChunks(value);
    else yield JSON.stringify(value);
    return;
  }
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    // JSON.stringify leaves out undefined, functions and symbols.
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    yield `${first ? '{' : ','}${JSON.stringify(key)}:`;
    first = false;
    if (Array.isArray(item)) yield* arrayChunks(item);
    else yield JSON.stringify(item);
  }
  yield first ? '{}' : '}';
}

function* arrayChunks(items: readonly unknown[]): Generator<string> {
  yield '[';
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    // As JSON.stringify: holes, undefined and functions in arrays become null.
    yield `${i > 0 ? ',' : ''}${item === undefined || typeof item === 'function' || typeof item === 'symbol' ? 'null' : JSON.stringify(item)}`;
  }
  yield ']';
}

/** A JSON file's chunks: the value, then a newline. */
export function* jsonFileChunks(value: unknown): Generator<string> {
  yield* jsonChunks(value);
  yield '\n';
}

/** Lines joined with newlines, as chunks. */
export function* joinedLines(lines: Iterable<string>): Generator<string> {
  let first = true;
  for (const line of lines) {
    yield first ? line : `\n${line}`;
    first = false;
  }
}

const BATCH = 1 << 20;

/**
 * Writes `chunks` to `file` unless it already holds exactly those bytes. A changed file
 * is replaced by renaming a new one over it (the built site holds hard links to public files); a new
 * file is written in place, since a rename over a file costs ~4x a write here (ext4 flushes it).
 * Returns the SHA-256 of the bytes (hex): what later outputs derived from the same value can key on.
 */
export function writeChunksIfChanged(file: string, chunks: Iterable<string>): string {
  const exists = existsSync(file);
  const iterator = chunks[Symbol.iterator]();
  // A file of less than one batch (most search shards and embeds) is compared in memory: an unchanged
  // one then costs a read, not a new file (creating a file costs ~0.6 ms here: 1,050 shards took
  // 0.6 s of a 1 s search stage in a rebuild).
  let pending: string[] = [];
  let size = 0;
  for (let next = iterator.next(); !next.done; next = iterator.next()) {
    pending.push(next.value);
    size += next.value.length;
    if (size >= BATCH) break;
  }
  if (size < BATCH) return writeSmallIfChanged(file, exists, pending.join(''));
  const hash = createHash('sha256');
  // An existing file is compared batch by batch as the new bytes come, and a new copy is started only
  // at the first difference: an unchanged 300 MB graph.json costs a read, not a write and a rename.
  const old = exists ? openSync(file, 'r') : undefined;
  let out = exists ? undefined : openSync(file, 'w');
  let offset = 0;
  try {
    const flush = () => {
      const bytes = Buffer.from(pending.join(''));
      pending = [];
      size = 0;
      hash.update(bytes);
      if (out === undefined && !sameBytes(old!, offset, bytes)) out = copyPrefix(old!, `${file}.tmp`, offset);
      if (out !== undefined) writeSync(out, bytes);
      offset += bytes.length;
    };
    flush();
    for (let next = iterator.next(); !next.done; next = iterator.next()) {
      pending.push(next.value);
      size += next.value.length;
      if (size >= BATCH) flush();
    }
    flush();
    // Every byte matched, but the old file is longer: it changed too.
    if (out === undefined && fstatSync(old!).size !== offset) out = copyPrefix(old!, `${file}.tmp`, offset);
  } finally {
    if (old !== undefined) closeSync(old);
    if (out !== undefined) closeSync(out);
  }
  // Into a new file renamed over the old one: the built site holds hard links to public files.
  if (exists && out !== undefined) renameSync(`${file}.tmp`, file);
  return hash.digest('hex');
}

/** Whether `fd` holds `bytes` at `offset`. */
function sameBytes(fd: number, offset: number, bytes: Buffer): boolean {
  const buffer = Buffer.allocUnsafe(bytes.length);
  let read = 0;
  while (read < bytes.length) {
    const n = readSync(fd, buffer, read, bytes.length - read, offset + read);
    if (n === 0) return false;
    read += n;
  }
  return buffer.equals(bytes);
}

/** A new file `target` holding the first `length` bytes of `fd` (what matched so far), open for writing on. */
function copyPrefix(fd: number, target: string, length: number): number {
  const out = openSync(target, 'w');
  const buffer = Buffer.allocUnsafe(BATCH);
  for (let done = 0; done < length; ) {
    const n = readSync(fd, buffer, 0, Math.min(BATCH, length - done), done);
    if (n === 0) break;
    writeSync(out, buffer, 0, n);
    done += n;
  }
  return out;
}

function writeSmallIfChanged(file: string, exists: boolean, text: string): string {
  return writeBytesIfChanged(file, Buffer.from(text), exists);
}

/** `writeChunksIfChanged` for a small binary file (the PNG embeds). */
export function writeBytesIfChanged(file: string, data: Uint8Array, exists = existsSync(file)): string {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const digest = createHash('sha256').update(bytes).digest('hex');
  if (exists && statSync(file).size === bytes.length && readFileSync(file).equals(bytes)) return digest;
  // Into a new file renamed over the old one: the built site holds hard links to public files.
  const target = exists ? `${file}.tmp` : file;
  writeFileSync(target, bytes);
  if (exists) renameSync(target, file);
  return digest;
}
