// `docgraph.yaml`, checked like the vocabulary: every problem (YAML syntax, the schema, a file the
// settings name that the content folder lacks) becomes one line `file:line:column: key: message`,
// so a doc writer can jump to it. Pure: the caller says which content files exist.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { contentConfigSchema, type ContentConfig, type NavSetting } from '../config.ts';
import { yamlValue } from '../pipeline/yaml-value.ts';

export interface ContentFiles {
  /** Whether this content-relative path is a file of the content folder. */
  isFile(path: string): boolean;
}

export type ContentConfigResult = { config: ContentConfig; errors?: undefined } | { errors: string[]; config?: undefined };

export function parseContentConfig(source: string, file: string, files: ContentFiles): ContentConfigResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const where = (offset: number): string => {
    const pos = lineCounter.linePos(offset);
    return `${file}:${pos.line}:${pos.col}`;
  };
  if (doc.errors.length) return { errors: doc.errors.map((e) => `${where(e.pos[0])}: ${e.message.split('\n')[0]} (fix the YAML syntax)`) };
  const plain = yamlValue(doc);
  if ('error' in plain) return { errors: [`${where(0)}: ${plain.error}`] };
  const parsed = contentConfigSchema.safeParse(plain.value ?? {});
  const at = (path: readonly PropertyKey[]): string => where(nodeAt(doc, path)?.range?.[0] ?? 0);
  const label = (path: readonly PropertyKey[]): string => path.map(String).join('.') || '(top level)';
  if (!parsed.success) return { errors: byPosition(parsed.error.issues.flatMap((issue) => schemaError(issue, at, label).split('\n'))) };
  const config = parsed.data;
  const errors: string[] = [];
  const missing = (path: readonly PropertyKey[], name: string, what: string): void => {
    if (!files.isFile(name)) errors.push(`${at(path)}: ${label(path)}: no ${what} "${name}" in the content folder (paths are relative to the folder that holds docgraph.yaml)`);
  };
  if (config.logo !== undefined) {
    const src = typeof config.logo === 'string' ? config.logo : config.logo.src;
    missing(typeof config.logo === 'string' ? ['logo'] : ['logo', 'src'], src, 'file');
  }
  config.customCss?.forEach((css, i) => missing(['customCss', i], css, 'file'));
  const walkNav = (items: readonly NavSetting[], path: readonly PropertyKey[]): void =>
    items.forEach((item, i) => {
      if (typeof item === 'string') missing([...path, i], item, 'document');
      else walkNav(item.items, [...path, i, 'items']);
    });
  if (config.nav) walkNav(config.nav, ['nav']);
  return errors.length ? { errors } : { config };
}

/** Top to bottom, as the reader goes through the file (zod reports in its own key order). */
function byPosition(errors: string[]): string[] {
  const pos = (e: string): number[] => (/:(\d+):(\d+): /.exec(e) ?? ['', '0', '0']).slice(1).map(Number);
  return errors.sort((a, b) => {
    const [pa, pb] = [pos(a), pos(b)];
    return pa[0]! - pb[0]! || pa[1]! - pb[1]!;
  });
}

function schemaError(issue: z.core.$ZodIssue, at: (path: readonly PropertyKey[]) => string, label: (path: readonly PropertyKey[]) => string): string {
  if (issue.code === 'unrecognized_keys') {
    const known = 'title, externalDocsBase, site, base, logo, accentColor, customCss, footer, editUrl, lastUpdated, nav';
    const hint = issue.path.length === 0 ? ` (known settings: ${known})` : '';
    return issue.keys.map((key) => `${at([...issue.path, key])}: ${label([...issue.path, key])}: unknown setting${hint}`).join('\n');
  }
  // A union's message ("Invalid input") says nothing: the closest branch's does.
  if (issue.code === 'invalid_union') {
    const branch = issue.errors.find((list) => list.length && list.every((e) => e.code !== 'invalid_type')) ?? issue.errors.find((list) => list.length);
    const first = branch?.[0];
    if (first) return schemaError({ ...first, path: [...issue.path, ...first.path] }, at, label);
  }
  return `${at(issue.path)}: ${label(issue.path)}: ${issue.message}`;
}

/** The node at a path, or the closest one above it (a missing key points at its map); a key points at its key. */
function nodeAt(doc: Document, path: readonly PropertyKey[]): YamlNode | undefined {
  let node: YamlNode | undefined = doc.contents ?? undefined;
  for (const [i, step] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
      if (!pair) return node;
      // The last step of an unknown key: point at the key itself.
      node = i === path.length - 1 && !pair.value ? (pair.key as YamlNode) : ((pair.value as YamlNode | null) ?? (pair.key as YamlNode));
    } else if (isSeq(node) && typeof step === 'number') {
      const item = node.items[step] as YamlNode | undefined;
      if (!item) return node;
      node = item;
    } else return node;
  }
  return node;
}
