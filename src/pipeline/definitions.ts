// Names a sentence defines: an acronym after its long form ("pass-through authentication (PTA)",
// "Active Directory Domain Services (AD DS)") and a second name ("X, also known as Y"). Each becomes an
// alias of the other name's entity, or a discovered entity of its own when neither is known.

/** A defined pair of names: `long` stands for the same thing as `short`. */
export type Definition = [long: string, short: string];

const ACRONYM_IN_PARENS = /\(\s*([A-Z][A-Za-z0-9]{0,3}(?: ?[A-Z][A-Za-z0-9]{0,3}){0,2}?)(s?)\s*\)/g;
const SMALL = new Set(['and', 'of', 'for', 'the', 'to', 'in', 'on', 'with', 'a', '&']);

/** "long form (ACR)" pairs of one sentence, where the acronym's letters are the long form's initials. */
export function acronymDefinitions(text: string): Definition[] {
  const out: Definition[] = [];
  for (const m of text.matchAll(ACRONYM_IN_PARENS)) {
    const acronym = m[1]!;
    // Mixed case spells with its capitals: "VNet" -> v n, "IdP" -> i p.
    const compact = acronym.replace(/\s/g, '');
    const letters = (/[a-z]/.test(compact) ? compact.replace(/[^A-Z0-9]/g, '') : compact).toLowerCase();
    if (letters.length < 2 || !/[A-Z].*[A-Z]|^[A-Z][a-z]*[A-Z]/.test(acronym.replace(/\s/g, ''))) continue;
    const before = text.slice(0, m.index).trimEnd();
    const words = before.split(/\s+/).slice(-(letters.length + 4));
    const long = longFormFor(letters, words);
    // "virtual networks (VNets)": the singular of both.
    if (long !== undefined) out.push([m[2] === 's' ? long.replace(/s$/, '') : long, acronym]);
  }
  return out;
}

/** The shortest run of trailing words whose initials spell `letters` (small words may be skipped). */
function longFormFor(letters: string, words: string[]): string | undefined {
  for (let start = words.length - 1; start >= 0; start--) {
    const run = words.slice(start);
    const cleaned = run.map((w) => w.replace(/^[("“'*_]+|[)"”'*_,:;]+$/g, ''));
    if (cleaned.some((w) => w === '')) return undefined;
    const first = cleaned[0]!;
    if (SMALL.has(first.toLowerCase())) continue;
    if (matches(letters, cleaned)) return cleaned.join(' ');
    if (initials(cleaned).length > letters.length + 2) return undefined;
  }
  return undefined;
}

/** Initials of the words: hyphenated parts count ("Multi-Factor" -> m f). */
function initials(words: readonly string[]): string[] {
  return words.flatMap((w) => w.split('-').filter(Boolean).map((part) => part[0]!.toLowerCase()));
}

/** Every non-small word gives its initials (with or without its inner capitals: "OneDrive" -> o or od) or its first letters; small words may. */
function matches(letters: string, words: readonly string[]): boolean {
  const go = (li: number, wi: number): boolean => {
    if (wi === words.length) return li === letters.length;
    const w = words[wi]!;
    if (SMALL.has(w.toLowerCase()) && go(li, wi + 1)) return true;
    return spellings(w).some((seq) => letters.startsWith(seq, li) && go(li + seq.length, wi + 1));
  };
  return go(0, 0);
}

function spellings(word: string): string[] {
  const parts = word.split('-').filter(Boolean);
  const plain = parts.map((p) => p[0]!.toLowerCase()).join('');
  const caps = parts.map((p) => p[0]!.toLowerCase() + p.slice(1).replace(/[^A-Z]/g, '').toLowerCase()).join('');
  // "Exchange Online (EXO)", "Selective Acknowledgment (SACK)": a word may give its first two or three letters.
  const word1 = parts.length === 1 ? word.toLowerCase() : '';
  const leading = /^[a-z]{4,}$/.test(word1) ? [word1.slice(0, 2), word1.slice(0, 3)] : [];
  return [...new Set([plain, caps, ...leading])];
}

const ALSO_KNOWN = /(?:,|\()\s*(?:also known as|also called|also referred to as|sometimes called|or simply)\s+(?:the\s+)?([^,.;:()]{2,60}?)\s*(?:[,.;:)]|$)/gi;

/**
 * "X, also known as Y" / "X (also called Y)": the second name of the thing named right before.
 * `nameBefore` gives the name that ends at an offset (an entity mention), if any.
 */
export function alsoKnownAs(text: string, nameBefore: (offset: number) => string | undefined): Definition[] {
  const out: Definition[] = [];
  for (const m of text.matchAll(ALSO_KNOWN)) {
    const name = nameBefore(m.index);
    const other = m[1]!.trim();
    if (name === undefined || other.split(/\s+/).length > 5 || !/^[\p{Lu}\p{N}]/u.test(other)) continue;
    out.push([name, other]);
  }
  return out;
}
