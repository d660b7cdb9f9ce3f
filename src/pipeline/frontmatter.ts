// Front matter: YAML checked by a schema that keeps unknown keys (DocFX has dozens of `ms.*` keys).
import type { Root, Yaml } from 'mdast';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { Diagnostic } from './types.ts';
import { yamlValue } from './yaml-value.ts';

export const frontMatterSchema = z.looseObject({
  title: z.string().trim().min(1).optional(),
  description: z.string().optional(),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;

export interface FrontMatterResult {
  data: Record<string, unknown>;
  title?: string;
  description?: string;
  diagnostics: Diagnostic[];
}

/** Reads the `yaml` node remark-frontmatter left at the top of the tree, if any. */
export function readFrontMatter(tree: Root, file: string): FrontMatterResult {
  const node = tree.children[0];
  if (!node || node.type !== 'yaml') return { data: {}, diagnostics: [] };
  return parseFrontMatterYaml((node as Yaml).value, file, (node.position?.start.line ?? 1) + 1);
}

/** `firstLine`: the file line of the YAML's first line (the line after `---`). */
export function parseFrontMatterYaml(yamlText: string, file: string, firstLine: number): FrontMatterResult {
  const diagnostics: Diagnostic[] = [];
  const lineCounter = new LineCounter();
  const report = (offset: number | undefined, message: string, hint: string): void => {
    const pos = offset === undefined ? { line: 1, col: 1 } : lineCounter.linePos(offset);
    diagnostics.push({ severity: 'error', code: 'front-matter', file, line: firstLine + pos.line - 1, column: pos.col, message, hint });
  };
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: false });
  for (const error of doc.errors) {
    report(error.pos[0], `Front matter is not valid YAML: ${firstSentence(error.message)}`, 'Check quotes and indentation; values containing ": " must be quoted.');
  }
  if (doc.errors.length > 0) return { data: {}, diagnostics };
  const converted = yamlValue(doc);
  if ('error' in converted) {
    report(0, `Front matter could not be read: ${firstSentence(converted.error)}`, 'Define every anchor (&name) before its alias (*name), and do not nest aliases.');
    return { data: {}, diagnostics };
  }
  const raw = converted.value;
  if (raw === null || raw === undefined) return { data: {}, diagnostics };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    report(0, 'Front matter must be a mapping of keys to values.', 'Write `key: value` lines between the `---` fences.');
    return { data: {}, diagnostics };
  }
  const parsed = frontMatterSchema.safeParse(raw);
  if (parsed.success) {
    return { data: raw as Record<string, unknown>, title: parsed.data.title, description: parsed.data.description, diagnostics };
  }
  // Keep what is usable: a bad `title` must not throw away a good `description`. A repeated key
  // takes its last value, so the error points at the last occurrence.
  const data = raw as Record<string, unknown>;
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? '');
    const keyNode = doc.contents && 'items' in doc.contents
      ? (doc.contents.items as { key: { value?: unknown; range?: [number, number, number] } }[]).findLast((i) => i.key?.value === key)
      : undefined;
    report(keyNode?.key.range?.[0], `Front matter key "${key}": ${issue.message}`, `Make "${key}" a plain string.`);
  }
  const title = typeof data.title === 'string' && data.title.trim() ? data.title.trim() : undefined;
  const description = typeof data.description === 'string' ? data.description : undefined;
  return { data, title, description, diagnostics };
}

function firstSentence(message: string): string {
  return message.split('\n')[0] ?? message;
}
