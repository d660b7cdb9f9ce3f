// Sections: one per heading, with github-slugger ids (repeats get -1, -2 like GitHub), plus the
// explicit `<a name>` anchors that land in each. Text before the first heading is section `''`.
import GithubSlugger from 'github-slugger';
import type { Heading, Nodes, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { explicitAnchor, htmlAnchorIds } from './docfx.ts';
import type { ParsedDocument, Section } from './types.ts';

export interface SectionIndex {
  sections: Section[];
  /** The section id of every heading node, for extractors that walk the same tree. */
  headingIds: Map<Heading, string>;
}

export function extractSections(doc: Pick<ParsedDocument, 'id' | 'path' | 'tree'>): SectionIndex {
  const slugger = new GithubSlugger();
  const sections: Section[] = [];
  const headingIds = new Map<Heading, string>();
  const stack: Section[] = [];
  let current: Section | undefined;
  let pendingAnchors: string[] = [];

  const intro = (file: string, line: number): Section => {
    const section: Section = { docId: doc.id, id: '', anchors: [], depth: 0, title: '', text: '', file, line };
    sections.push(section);
    return section;
  };

  const visitBlock = (node: RootContent, file: string): void => {
    const nodeFile = node.data?.sourceFile ?? file;
    if (node.type === 'yaml') return;
    if (node.type === 'heading') {
      const title = toString(node, { includeHtml: false }).trim();
      const id = slugger.slug(title) || slugger.slug('section');
      while (stack.length > 0 && stack[stack.length - 1]!.depth >= node.depth) stack.pop();
      const section: Section = {
        docId: doc.id,
        id,
        anchors: [...pendingAnchors, ...anchorsIn(node)],
        depth: node.depth,
        title,
        text: '',
        file: nodeFile,
        line: node.position?.start.line ?? 1,
        parent: stack[stack.length - 1]?.id,
      };
      pendingAnchors = [];
      headingIds.set(node, id);
      sections.push(section);
      stack.push(section);
      current = section;
      return;
    }
    const anchors = anchorsIn(node);
    if (anchors.length > 0 && isOnlyAnchors(node)) {
      // `<a name="x"></a>` on its own line usually targets the heading that follows it.
      pendingAnchors.push(...anchors);
      return;
    }
    flushPending(nodeFile, node.position?.start.line ?? 1);
    if (containsHeading(node) && 'children' in node) {
      for (const child of node.children as RootContent[]) visitBlock(child, nodeFile);
      return;
    }
    current ??= intro(nodeFile, node.position?.start.line ?? 1);
    current.anchors.push(...anchors);
    const text = toString(node, { includeHtml: false }).trim();
    if (text) current.text = current.text ? `${current.text}\n${text}` : text;
  };

  const flushPending = (file: string, line: number): void => {
    if (pendingAnchors.length === 0) return;
    current ??= intro(file, line);
    current.anchors.push(...pendingAnchors);
    pendingAnchors = [];
  };

  for (const node of doc.tree.children) visitBlock(node, doc.path);
  flushPending(doc.path, 1);
  for (const s of sections) s.anchors = [...new Set(s.anchors)].filter((a) => a !== s.id);
  return { sections, headingIds };
}

/** Every id a link can target in the document: heading ids and explicit anchors. */
export function anchorSet(sections: readonly Section[]): Set<string> {
  const ids = new Set<string>();
  for (const s of sections) {
    if (s.id) ids.add(s.id);
    for (const a of s.anchors) ids.add(a);
  }
  return ids;
}

function anchorsIn(node: Nodes): string[] {
  const out: string[] = [];
  const walk = (n: Nodes): void => {
    if (n.type === 'html') {
      out.push(...htmlAnchorIds(n.value));
      return;
    }
    if ('children' in n) for (const c of n.children) walk(c as Nodes);
  };
  walk(node);
  return out;
}

function isOnlyAnchors(node: RootContent): boolean {
  if (node.type === 'html') return explicitAnchor(node.value) !== undefined;
  if (node.type !== 'paragraph') return false;
  return node.children.every(
    (c) => (c.type === 'html' && (explicitAnchor(c.value) !== undefined || /^<\/a>$/i.test(c.value.trim()))) || (c.type === 'text' && c.value.trim() === ''),
  );
}

function containsHeading(node: Nodes): boolean {
  if (node.type === 'heading') return true;
  return 'children' in node && (node.children as Nodes[]).some(containsHeading);
}

