// report.json: what the build found, for writers. Counts, every broken link/anchor/image with
// file:line, every content error and warning, unused vocabulary, and entity candidates. Sorted,
// no timestamps: the same content gives the same bytes.
import { compareStrings } from './slugs.ts';
import type { RelationExplanation } from './relations.ts';
import type { Diagnostic, Entity, KnowledgeGraph, ResolvedLink, Section } from './types.ts';

export interface EntityCandidateEntry {
  name: string;
  mentions: number;
  documents: number;
  /** In the graph as a discovered entity. */
  promoted: boolean;
}

export interface BrokenLinkEntry {
  file: string;
  line: number;
  column: number;
  kind: ResolvedLink['kind'];
  url: string;
  text: string;
  reason: NonNullable<ResolvedLink['reason']>;
}

export interface BuildReport {
  schemaVersion: 1;
  counts: {
    files: number;
    documents: number;
    includes: number;
    tocFiles: number;
    assets: number;
    failedFiles: number;
    sections: number;
    mentions: number;
    entities: { byType: Record<string, number>; byOrigin: Record<string, number> };
    relations: Record<string, number>;
    /**
     * Typed relations' statements by the rule that read them (`verb:replace`, `list:verb:require`,
     * `heading:option-of`, `vocabulary`...): a statement is one evidence sentence of one edge.
     */
    relationRules: Record<string, number>;
    links: { doc: number; asset: number; external: number; broken: number; caseMismatch: number; include: number };
    errors: number;
    warnings: number;
  };
  broken: BrokenLinkEntry[];
  /** Files that could not become pages. */
  failedFiles: { file: string; reason: string }[];
  diagnostics: Diagnostic[];
  unusedVocabulary: string[];
  candidates: EntityCandidateEntry[];
}

export interface ReportInput {
  fileCount: number;
  documentCount: number;
  includeCount: number;
  includeReferences: number;
  tocCount: number;
  assetCount: number;
  failedFiles: { file: string; reason: string }[];
  sections: readonly Section[];
  mentionCount: number;
  links: readonly ResolvedLink[];
  graph: KnowledgeGraph;
  vocabulary: readonly Entity[];
  candidates: readonly EntityCandidateEntry[];
  diagnostics: readonly Diagnostic[];
}

export function buildReport(input: ReportInput): BuildReport {
  const byType: Record<string, number> = {};
  const byOrigin: Record<string, number> = {};
  for (const n of input.graph.nodes) {
    if (n.type === 'document' || n.type === 'external') continue;
    byType[n.type] = (byType[n.type] ?? 0) + 1;
    byOrigin[n.origin] = (byOrigin[n.origin] ?? 0) + 1;
  }
  const relations: Record<string, number> = {};
  const relationRules: Record<string, number> = {};
  for (const e of input.graph.edges) {
    relations[e.type] = (relations[e.type] ?? 0) + 1;
    if (e.type === 'mentions' || e.type === 'links-to') continue;
    for (const ev of e.evidence) relationRules[ev.rule ?? e.origin] = (relationRules[ev.rule ?? e.origin] ?? 0) + 1;
  }
  const links = { doc: 0, asset: 0, external: 0, broken: 0, caseMismatch: 0, include: input.includeReferences };
  const broken: BrokenLinkEntry[] = [];
  for (const l of input.links) {
    links[l.class]++;
    if (l.caseMismatch) links.caseMismatch++;
    if (l.class === 'broken') broken.push({ file: l.file, line: l.line, column: l.column, kind: l.kind, url: l.url, text: l.text, reason: l.reason! });
  }
  const inGraph = new Set(input.graph.nodes.map((n) => n.id));
  const diagnostics = [...input.diagnostics].sort(compareDiagnostics);
  return {
    schemaVersion: 1,
    counts: {
      files: input.fileCount,
      documents: input.documentCount,
      includes: input.includeCount,
      tocFiles: input.tocCount,
      assets: input.assetCount,
      failedFiles: input.failedFiles.length,
      sections: input.sections.length,
      mentions: input.mentionCount,
      entities: { byType: sortKeys(byType), byOrigin: sortKeys(byOrigin) },
      relations: sortKeys(relations),
      relationRules: sortKeys(relationRules),
      links,
      errors: diagnostics.filter((d) => d.severity === 'error').length,
      warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    },
    broken: broken.sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line || a.column - b.column || compareStrings(a.url, b.url)),
    failedFiles: [...input.failedFiles].sort((a, b) => compareStrings(a.file, b.file)),
    diagnostics,
    unusedVocabulary: input.vocabulary.filter((e) => !inGraph.has(e.id)).map((e) => e.id).sort(compareStrings),
    candidates: [...input.candidates].sort((a, b) => b.documents - a.documents || b.mentions - a.mentions || compareStrings(a.name, b.name)),
  };
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return compareStrings(a.file, b.file) || a.line - b.line || a.column - b.column || compareStrings(a.code, b.code) || compareStrings(a.message, b.message);
}

/** The readable summary printed at the end of every build. */
export function formatSummary(report: BuildReport, options: { maxProblems?: number } = {}): string {
  const c = report.counts;
  const max = options.maxProblems ?? 20;
  const lines: string[] = [];
  const kv = (o: Record<string, number>): string => Object.entries(o).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
  lines.push(`docgraph: ${c.documents} documents (${c.includes} includes, ${c.tocFiles} TOC files, ${c.assets} assets), ${c.sections} sections`);
  lines.push(`  entities: ${kv(c.entities.byType)} (${kv(c.entities.byOrigin)})`);
  lines.push(`  relations: ${kv(c.relations)}`);
  lines.push(`  links: ${c.links.doc} to documents, ${c.links.asset} to assets, ${c.links.external} external, ${c.links.broken} broken, ${c.links.caseMismatch} letter-case mismatches; ${c.links.include} includes inlined`);
  if (report.failedFiles.length > 0) lines.push(`  ${report.failedFiles.length} file(s) could not become pages`);
  lines.push(`  ${c.errors} error(s), ${c.warnings} warning(s)${report.unusedVocabulary.length ? `, ${report.unusedVocabulary.length} unused vocabulary entries` : ''}, ${report.candidates.length} entity candidates`);
  const problems = report.diagnostics.filter((d) => d.severity === 'error');
  for (const d of problems.slice(0, max)) lines.push(`  ${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}`);
  if (problems.length > max) lines.push(`  ... and ${problems.length - max} more errors in report.json`);
  return lines.join('\n');
}

/** `--explain FILE`: each sentence that names two entities, the edges it gave, and why it gave no others. */
export function formatExplanations(file: string, explanations: readonly RelationExplanation[]): string {
  if (explanations.length === 0) return `explain ${file}: no sentence of this file names two entities (or the file is not a document of the content folder)`;
  const lines = [`explain ${file}: ${explanations.length} sentence(s) that name two entities`];
  for (const e of explanations) {
    lines.push(`  ${e.file}:${e.line}  "${e.sentence.length > 160 ? `${e.sentence.slice(0, 157)}...` : e.sentence}"`);
    lines.push(`      names: ${e.entities.join(', ')}`);
    for (const edge of e.edges) lines.push(`      edge: ${edge}`);
    if (e.edges.length === 0) lines.push(`      no edge: ${e.reasons.length > 0 ? e.reasons.join('; ') : 'no-predicate'}`);
    else if (e.reasons.length > 0) lines.push(`      not read: ${e.reasons.join('; ')}`);
  }
  return lines.join('\n');
}

function sortKeys(o: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => compareStrings(a, b)));
}
