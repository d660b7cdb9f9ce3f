// Prose extraction: one walk over a document's blocks gives its sentences (for mentions and
// relations) and its links and images (with the sentence around each, for backlinks and evidence).
// Code, inline code, raw HTML and bare URLs never become part of a sentence, so entities are never
// found inside them.
import type { Definition, Heading, List, Nodes, Paragraph, PhrasingContent, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { countNewlines, htmlLinks } from './links.ts';
import type { LinkKind, LinkRef, ParsedDocument, Sentence, SentencePlace } from './types.ts';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

interface PendingLink {
  offset: number;
  line: number;
  column: number;
  kind: LinkKind;
  url: string;
  text: string;
  file: string;
}

export interface Prose {
  sentences: Sentence[];
  links: LinkRef[];
}

/**
 * Text the segmenter leaves whole: no sentence terminator or paragraph separator, except one final
 * run of `.!?` with closing quotes or brackets and spaces after it. (UAX #29 breaks sentences only
 * after those.) Most headings, cells and one-sentence paragraphs are such text, and
 * Intl.Segmenter costs ~0.5 µs a character: a fifth of the corpus's prose walk.
 */
const ONE_SENTENCE = /^[^\p{Sentence_Terminal}\r\n\u0085\u2028\u2029]*(?:[.!?]+["'\u2019\u201d)\]]*[ \t]*)?$/u;

function sentenceSegments(text: string): Iterable<{ segment: string; index: number }> {
  return ONE_SENTENCE.test(text) ? (text === '' ? [] : [{ segment: text, index: 0 }]) : segmenter.segment(text);
}

/** What a `<br>` leaves in a block's text: a paragraph separator, which ends a sentence (UAX #29). */
const BREAK = '\u2029';

/** Longest sentence kept whole: text without sentence ends (a generated 1 MB line) is cut into pieces this long. */
export const MAX_SENTENCE = 1000;

/**
 * The segmenter's sentences, each cut at a space into pieces of at most MAX_SENTENCE characters:
 * a sentence is evidence copied into graph.json for every link and mention in it, so a 1 MB one
 * would be copied thousands of times.
 */
export function* boundedSegments(text: string): Generator<{ segment: string; index: number }> {
  for (const seg of sentenceSegments(text)) {
    let { segment, index } = seg;
    while (segment.length > MAX_SENTENCE) {
      const space = segment.lastIndexOf(' ', MAX_SENTENCE);
      // Without a space, never between the two halves of a surrogate pair.
      const cut = space > MAX_SENTENCE / 2 ? space + 1 : /[\ud800-\udbff]/.test(segment[MAX_SENTENCE - 1]!) ? MAX_SENTENCE - 1 : MAX_SENTENCE;
      yield { segment: segment.slice(0, cut), index };
      segment = segment.slice(cut);
      index += cut;
    }
    yield { segment, index };
  }
}

export function extractProse(doc: Pick<ParsedDocument, 'id' | 'path' | 'tree'>, headingIds: Map<Heading, string>): Prose {
  const sentences: Sentence[] = [];
  const links: LinkRef[] = [];
  const definitions = collectDefinitions(doc.tree.children);
  let sectionId = '';

  /** Emits a block's sentences; `place` goes on the first one (`placeAll`: on every one). */
  const emitBlock = (node: Nodes, block: Sentence['block'], file: string, place?: SentencePlace, placeAll = false): Sentence[] => {
    const emitted: Sentence[] = [];
    const pending: PendingLink[] = [];
    const text = blockText(node, file, pending, definitions);
    const startLine = node.position?.start.line ?? 1;
    const blockSentences: { start: number; end: number; text: string; line: number; sentence?: Sentence }[] = [];
    // Soft line breaks are not sentence ends; the segmenter would treat them as paragraph breaks.
    for (const seg of boundedSegments(text.replace(/\n/g, ' '))) {
      const trimmed = seg.segment.trim();
      if (!trimmed) continue;
      const lead = seg.segment.length - seg.segment.trimStart().length;
      const start = seg.index + lead;
      const line = startLine + countNewlines(text, start);
      const entry: (typeof blockSentences)[number] = { start, end: seg.index + seg.segment.length, text: collapse(trimmed), line };
      blockSentences.push(entry);
      if (/[\p{L}\p{N}]/u.test(trimmed)) {
        const sentence: Sentence = { docId: doc.id, sectionId, file, line, text: collapse(trimmed), block };
        if (place !== undefined && (placeAll || emitted.length === 0)) sentence.place = place;
        sentences.push(sentence);
        emitted.push(sentence);
        entry.sentence = sentence;
      }
    }
    // Links come in text order, so one pass finds the sentence around each.
    let at = 0;
    for (const link of pending) {
      while (at < blockSentences.length - 1 && link.offset >= blockSentences[at]!.end) at++;
      const around = blockSentences[at];
      // A sentence that is nothing but a link's text is navigation ("Integrating X with Y" as a link title).
      const whole = around?.sentence;
      if (whole !== undefined && link.kind === 'link' && bare(link.text) !== '' && bare(link.text) === bare(whole.text)) whole.navigation = true;
      // A capitalised link text of three words or more inside a sentence is the title of another
      // article ("see Integrating X with Y"); relations read it as one opaque name. Lower-case link
      // texts are the sentence's own words ("you will need to prepare your directory").
      else if (whole !== undefined && link.kind === 'link' && /^\p{Lu}/u.test(link.text.trim()) && link.text.trim().split(/\s+/).length >= 3 && !/^(https?:|www\.)/i.test(link.text)) (whole.titles ??= []).push(link.text);
      links.push({
        docId: doc.id,
        file: link.file,
        line: link.line,
        column: link.column,
        kind: link.kind,
        url: link.url,
        text: link.text,
        sectionId,
        sentence: around?.text ?? '',
      });
    }
    return emitted;
  };

  // A paragraph that ends with a colon introduces the list or table right after it.
  let lastParagraph: { sentences: Sentence[]; node: Nodes } | undefined;
  const leadInOf = (prev: RootContent | undefined): SentencePlace['leadIn'] => {
    if (prev === undefined || lastParagraph?.node !== prev) return undefined;
    const last = lastParagraph.sentences[lastParagraph.sentences.length - 1];
    return last !== undefined && /:\s*$/.test(last.text) ? { line: last.line, text: last.text } : undefined;
  };

  // The opening sentence of the list item being walked: items of a list nested in it are about it.
  let owner: SentencePlace['owner'];
  const visitList = (list: List, file: string, leadIn: SentencePlace['leadIn']): void => {
    const outer = owner;
    for (const item of list.children) {
      let opened = false;
      const children = item.children;
      children.forEach((child, i) => {
        const childFile = child.data?.sourceFile ?? file;
        if (child.type === 'paragraph' && !opened) {
          opened = true;
          // Only items with something to read them with carry a place (memory at 10,000 documents).
          const place: SentencePlace | undefined = leadIn || outer ? { item: true, ...(leadIn ? { leadIn } : {}), ...(outer ? { owner: outer } : {}) } : undefined;
          const emitted = emitBlock(child, 'listItem', childFile, place);
          lastParagraph = { node: child, sentences: emitted };
          owner = emitted[0] === undefined ? undefined : { line: emitted[0].line, text: emitted[0].text };
          return;
        }
        visit(child, childFile, true, children[i - 1]);
      });
      owner = outer;
    }
  };

  const visitTable = (table: Table, file: string, leadIn: SentencePlace['leadIn']): void => {
    const line = table.position?.start.line ?? 1;
    const headers = (table.children[0]?.children ?? []).map((cell) => collapse(toString(cell)).trim());
    table.children.forEach((row, r) => {
      row.children.forEach((cell, c) => {
        const place: SentencePlace = { table: line, row: r, column: c, header: headers[c] ?? '' };
        if (r > 0 && c === 0 && leadIn) place.leadIn = leadIn;
        emitBlock(cell, 'tableCell', cell.data?.sourceFile ?? file, place, true);
      });
    });
  };

  const visit = (node: RootContent, file: string, inList: boolean, prev: RootContent | undefined): void => {
    const nodeFile = node.data?.sourceFile ?? file;
    switch (node.type) {
      case 'heading':
        sectionId = headingIds.get(node) ?? sectionId;
        emitBlock(node, 'heading', nodeFile);
        return;
      case 'paragraph': {
        const emitted = emitBlock(node, inList ? 'listItem' : 'paragraph', nodeFile);
        if (!inList && emitted.length === 1 && boldOnly(node)) emitted[0]!.pseudoHeading = true;
        lastParagraph = { node, sentences: emitted };
        return;
      }
      case 'list':
        visitList(node, nodeFile, leadInOf(prev));
        return;
      case 'table':
        visitTable(node, nodeFile, leadInOf(prev));
        return;
      case 'tableCell':
        emitBlock(node, 'tableCell', nodeFile);
        return;
      case 'html':
        for (const l of htmlLinks(node.value)) {
          links.push({ docId: doc.id, file: nodeFile, line: (node.position?.start.line ?? 1) + l.lineOffset, column: node.position?.start.column ?? 1, kind: l.kind, url: l.url, text: l.text, sectionId, sentence: '' });
        }
        return;
      case 'code':
      case 'yaml':
      case 'definition':
        return;
      default:
        if ('children' in node) {
          const list = inList || node.type === 'listItem';
          const children = node.children as RootContent[];
          children.forEach((child, i) => visit(child, nodeFile, list, children[i - 1]));
        }
    }
  };

  doc.tree.children.forEach((node, i, all) => visit(node, doc.path, false, all[i - 1]));
  return { sentences, links };
}

/** The paragraph's text is one strong run, whitespace aside ("**Outlook Web App (Browser-based)**"). */
function boldOnly(node: Paragraph): boolean {
  const parts = node.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  return parts.length === 1 && parts[0]!.type === 'strong';
}

export function extractSentences(doc: Pick<ParsedDocument, 'id' | 'path' | 'tree'>, headingIds: Map<Heading, string>): Sentence[] {
  return extractProse(doc, headingIds).sentences;
}

/** Plain text of a block, recording where each link and image starts in it. */
function blockText(node: Nodes, file: string, pending: PendingLink[], definitions: Map<string, Definition>): string {
  let out = '';
  const add = (s: string): void => {
    out += s;
  };
  const record = (n: Nodes, kind: LinkKind, url: string, text: string): void => {
    pending.push({ offset: out.length, line: n.position?.start.line ?? node.position?.start.line ?? 1, column: n.position?.start.column ?? 1, kind, url, text, file });
  };
  const walk = (n: Nodes): void => {
    switch (n.type) {
      case 'text':
        add(n.value);
        return;
      case 'inlineCode':
        add(' ');
        return;
      case 'break':
        add('\n');
        return;
      case 'html':
        for (const l of htmlLinks(n.value)) record(n, l.kind, l.url, l.text);
        // A line break inside a table cell or list item ("- A <br> - B") separates sentences.
        if (/^<br\s*\/?>$/i.test(n.value.trim())) add(BREAK);
        return;
      case 'image':
        record(n, 'image', n.url, n.alt ?? '');
        return;
      case 'imageReference': {
        const def = definitions.get(normalizeLabel(n.identifier));
        if (def) record(n, 'image', def.url, n.alt ?? '');
        return;
      }
      case 'link':
      case 'linkReference': {
        const url = n.type === 'link' ? n.url : definitions.get(normalizeLabel(n.identifier))?.url;
        const label = plainText(n.children);
        if (url !== undefined) record(n, 'link', url, label);
        // A bare URL (autolink) is not prose: keep it out of sentences.
        if (n.type === 'link' && (label === n.url || /^(https?:|mailto:|www\.)/i.test(label))) return;
        for (const c of n.children) walk(c);
        return;
      }
      default:
        if ('children' in n) for (const c of n.children) walk(c as Nodes);
    }
  };
  walk(node);
  return out;
}

function plainText(children: PhrasingContent[]): string {
  let s = '';
  for (const c of children) {
    if (c.type === 'text' || c.type === 'inlineCode') s += c.value;
    else if (c.type === 'image') s += c.alt ?? '';
    else if ('children' in c) s += plainText(c.children as PhrasingContent[]);
  }
  return s.replace(/\s+/g, ' ').trim();
}

function collectDefinitions(nodes: RootContent[]): Map<string, Definition> {
  const defs = new Map<string, Definition>();
  const walk = (list: RootContent[]): void => {
    for (const n of list) {
      if (n.type === 'definition') {
        const key = normalizeLabel(n.identifier);
        if (!defs.has(key)) defs.set(key, n);
      } else if ('children' in n) walk(n.children as RootContent[]);
    }
  };
  walk(nodes);
  return defs;
}

function normalizeLabel(label: string): string {
  return label.replace(/\s+/g, ' ').trim().toLowerCase();
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** Letters and digits only, lower case: to compare a link's text with its sentence. */
function bare(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase();
}
