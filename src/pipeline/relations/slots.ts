// The entity mentions of one sentence as slots: sorted, "X (Y)" naming one entity twice as one slot.
import type { Mention } from '../types.ts';
import type { Slot } from './units.ts';

/** Mentions of one sentence, by position; "Active Directory Federation Services (AD FS)" is one slot. */
export function toSlots(mentions: readonly Mention[]): Slot[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  const slots: Slot[] = [];
  for (const m of sorted) {
    const prev = slots[slots.length - 1];
    const between = prev === undefined ? '' : m.sentence.slice(prev.end, m.start);
    if (prev !== undefined && prev.entityId === m.entityId && /^\s*\($/.test(between) && m.sentence[m.end] === ')') {
      prev.end = m.end + 1;
      continue;
    }
    slots.push({ entityId: m.entityId, start: m.start, end: m.end });
  }
  return slots;
}

/** The sentence with every slot replaced by `\u0001N\u0002` (N its index): for phrase patterns. */
export function skeleton(text: string, slots: readonly Slot[]): string {
  let out = '';
  let at = 0;
  slots.forEach((slot, i) => {
    out += text.slice(at, slot.start).replace(/\s+/g, ' ') + `\u0001${i}\u0002`;
    at = slot.end;
  });
  return out + text.slice(at).replace(/\s+/g, ' ');
}

export const sentenceKey = (docId: string, line: number, text: string): string => `${docId}\u0000${line}\u0000${text}`;

export function groupMentions(mentions: readonly Mention[]): Map<string, Mention[]> {
  const map = new Map<string, Mention[]>();
  for (const m of mentions) {
    const key = sentenceKey(m.docId, m.line, m.sentence);
    const list = map.get(key);
    if (list === undefined) map.set(key, [m]);
    else list.push(m);
  }
  return map;
}

/** `text` with each span blanked out: same length, so offsets hold; the separator breaks every pattern. */
export function blankOut(text: string, spans: readonly { start: number; end: number }[]): string {
  let out = text;
  for (const x of spans) out = out.slice(0, x.start) + '\u0000'.repeat(x.end - x.start) + out.slice(x.end);
  return out;
}
