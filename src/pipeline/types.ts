// The typed data that flows between pipeline stages. Every stage takes some of these and returns
// others; nothing here does I/O. Paths are POSIX, relative to the content folder.
import type { Root } from 'mdast';

/** A source position, 1-based like editors show it. */
export interface Position {
  line: number;
  column: number;
}

export type Severity = 'error' | 'warning';

/** A problem found in the content, always pointing at a file and a line. */
export interface Diagnostic {
  severity: Severity;
  /** Stable machine code, e.g. `broken-link`, `front-matter`, `missing-title`. */
  code: string;
  file: string;
  line: number;
  column: number;
  message: string;
  /** How to fix it, in one sentence. */
  hint?: string;
}

/** A file as read from the content folder. */
export interface SourceFile {
  path: string;
  /** Raw bytes decoded as UTF-8 (BOM kept; the loader strips it). */
  text: string;
}

export type DocumentFormat = 'md' | 'mdx';

/** What a content file is for. */
export type FileRole = 'document' | 'include' | 'toc' | 'asset';

/** A document after load + parse: one mdast tree, includes spliced in, DocFX syntax normalized. */
export interface ParsedDocument {
  /** Graph node id: `doc:` + slug. */
  id: string;
  path: string;
  /** URL path segments, lower-case, unique: `powershell/connect-to-office-365-powershell`. */
  slug: string;
  format: DocumentFormat;
  title: string;
  description?: string;
  /** Front matter as written (unknown keys kept). */
  frontMatter: Record<string, unknown>;
  tree: Root;
}

/** A document without its syntax tree: what the pipeline keeps once the tree has been used. */
export type DocumentInfo = Omit<ParsedDocument, 'tree'>;

/** A heading, or the text before the first heading (id `''`). */
export interface Section {
  docId: string;
  /** The heading's GitHub-compatible anchor (github-slugger). */
  id: string;
  /** Extra anchors that land in this section (`<a name="x"></a>`). */
  anchors: string[];
  depth: number;
  title: string;
  /** Plain text of the section's own content (not its subsections). */
  text: string;
  /** File the heading is written in (an include's path when it came from one). */
  file: string;
  line: number;
  /** Id of the enclosing section, `undefined` for top-level ones. */
  parent?: string;
}

/** A sentence of prose with where it came from; code and URLs are never part of it. */
export interface Sentence {
  docId: string;
  sectionId: string;
  file: string;
  line: number;
  text: string;
  /** The block the sentence belongs to; list items and headings matter for structural relations. */
  block: 'heading' | 'paragraph' | 'listItem' | 'tableCell';
  /** Where the sentence sits in a list or table (absent for other sentences). */
  place?: SentencePlace;
  /** The whole sentence is one link's text: navigation, which states nothing. */
  navigation?: true;
  /** Texts of links of several words in the sentence (titles of other articles), as written. */
  titles?: string[];
  /**
   * A paragraph of bold text only ("**Outlook Web App/OWA (Browser-based)**"): a heading in all but
   * markup, which the sentences after it (up to the next heading) are about.
   */
  pseudoHeading?: true;
}

/**
 * A sentence's place in a list or table, for relations stated by structure: "The following are
 * required for X:" followed by one item per prerequisite, or a table whose rows name one thing each.
 */
export interface SentencePlace {
  /** The sentence opens its list item (its first sentence). */
  item?: boolean;
  /** Table cells: the table's first line (groups one table's cells), row (0 = header) and column. */
  table?: number;
  row?: number;
  column?: number;
  /** Table cells: the text of the column's header cell. */
  header?: string;
  /**
   * The sentence that introduces the list or table when it ends with a colon; set on each item's
   * opening sentence and on the first-column cells of the table's body.
   */
  leadIn?: { line: number; text: string };
  /** Items of a nested list: the opening sentence of the item they are under (what "Requires X" is about). */
  owner?: { line: number; text: string };
}

export type LinkKind = 'link' | 'image' | 'html';

/** A link or image as written in the source. */
export interface LinkRef {
  docId: string;
  file: string;
  line: number;
  column: number;
  kind: LinkKind;
  url: string;
  /** Link text or image alt text. */
  text: string;
  sectionId: string;
  /** The sentence around the link, for backlinks and evidence. */
  sentence: string;
}

export type LinkClass = 'doc' | 'asset' | 'external' | 'broken';

export type BrokenReason =
  | 'missing-file'
  | 'missing-anchor'
  | 'unsafe-url'
  | 'outside-content'
  | 'missing-image';

export interface ResolvedLink extends LinkRef {
  class: LinkClass;
  /** For `doc`: the target document id, and the anchor when the link has one. */
  targetDocId?: string;
  anchor?: string;
  /** For `asset`: the asset path relative to the content folder (real letter case). */
  assetPath?: string;
  /** For `external`: the absolute URL (also for docs outside DIR resolved via externalDocsBase). */
  externalUrl?: string;
  reason?: BrokenReason;
  /** The target only matched a file when letter case was ignored. */
  caseMismatch?: boolean;
}

export const ENTITY_TYPES = ['concept', 'tool', 'product'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export type EntityOrigin = 'vocabulary' | 'discovered';

export interface Entity {
  id: string;
  /** `discovered` entities have type `discovered`. */
  type: EntityType | 'discovered';
  label: string;
  aliases: string[];
  /** Old names among the aliases, shown as "formerly". */
  formerNames: string[];
  description: string;
  origin: EntityOrigin;
  /** Where the vocabulary declared it (for error messages). */
  source?: { file: string; line: number };
  /**
   * Label/aliases that only match with exact letter case (short acronyms like `PTA` match exactly
   * by default; this lists the extra ones, e.g. `IdP`). Absent when none.
   */
  caseSensitive?: string[];
}

export interface Mention {
  entityId: string;
  docId: string;
  sectionId: string;
  file: string;
  line: number;
  /** The alias as it appears in the text. */
  matched: string;
  sentence: string;
  /** Offsets of the match inside `sentence` (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
}

export const RELATION_TYPES = [
  'replaces',
  'renamed-to',
  'sets-up',
  'requires',
  'part-of',
  'option-of',
  'alternative-to',
  'works-with',
  'prepares',
  'integrates-with',
  'mentions',
  'links-to',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** The sentence that justifies an edge. */
export interface Evidence {
  /** Document node id. */
  doc: string;
  /** Source file (an include's path when the sentence came from one). */
  file: string;
  section: string;
  line: number;
  sentence: string;
  /**
   * Typed relations only: the sentence that makes `sentence` a statement, when it does not stand alone
   * (the lead-in of a list item, the header of a table column, the heading of an options section).
   */
  context?: string;
  /** Typed relations only: the lexicon entry or structure that read the statement (`verb:replace`, `list:verb:require`). */
  rule?: string;
  /** Typed relations only: how sure the reading is, 0-1 (1 for the vocabulary's own relations). */
  confidence?: number;
}

export type RelationOrigin = 'extracted' | 'structure' | 'vocabulary';

/** One extracted statement; the graph merges statements with the same (source, type, target). */
export interface Relation {
  source: string;
  target: string;
  type: RelationType;
  origin: RelationOrigin;
  evidence: Evidence;
  /** The lexicon entry or structure that read it (moved into the graph's evidence). */
  rule?: string;
  confidence?: number;
}

export type NodeType = EntityType | 'discovered' | 'document' | 'external';
export type NodeOrigin = 'vocabulary' | 'discovered' | 'content' | 'link';

export interface GraphNode {
  id: string;
  type: NodeType;
  label: string;
  aliases: string[];
  description: string;
  /** Site-relative URL (`/entities/x/`, `/docs/x/`), or the absolute URL of an external page. */
  url: string;
  origin: NodeOrigin;
  /** Documents only: the source path. */
  path?: string;
}

export interface GraphEdge {
  /** `source|type|target`: stable across builds. */
  id: string;
  source: string;
  target: string;
  type: RelationType;
  /** Number of statements (evidence sentences, or mentions) behind the edge. */
  weight: number;
  origin: RelationOrigin;
  evidence: Evidence[];
  /** Typed relations only: the combined confidence of its statements, 0-1 (1 - product of their doubts). */
  confidence?: number;
}

export interface KnowledgeGraph {
  schemaVersion: 1;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** A navigation entry from TOC.md (or the folder tree when there is none). */
export interface NavItem {
  title: string;
  /** Document id when the entry points at a document of the site. */
  docId?: string;
  /** External URL when it points outside the site. */
  href?: string;
  children: NavItem[];
}
