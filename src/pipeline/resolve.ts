// Link resolution: every link and image becomes `doc`, `asset`, `external` or `broken`, by map
// lookups only (no scans), and every broken one or near miss becomes a diagnostic at file:line.
import { posix } from 'node:path';
import { decodeUrlPart, isProtocolRelative, isSafeExternalUrl, schemeOf } from './urls.ts';
import type { BrokenReason, Diagnostic, LinkRef, ResolvedLink } from './types.ts';

export interface LinkTargets {
  /** Content path -> document id, for documents that are pages. */
  docs: Map<string, string>;
  /** Markdown files that are not pages (includes, TOC files). */
  otherMarkdown: Set<string>;
  /** Asset paths (images, downloads). */
  assets: Set<string>;
  /**
   * Document id -> every anchor id it has. A document without an entry is not parsed yet: links
   * into it keep their anchor unchecked until the final resolution, when every document has one.
   */
  anchors: Map<string, Set<string>>;
  /** Absolute URL of the published folder that holds DIR's siblings (DocFX `externalDocsBase`). */
  externalDocsBase?: string;
}

/** Indexes built once per build so that resolving N links is O(N). */
export interface LinkIndex extends LinkTargets {
  docsLower: Map<string, string>;
  assetsLower: Map<string, string>;
  anchorsLower: Map<string, Map<string, string>>;
}

export function indexTargets(targets: LinkTargets): LinkIndex {
  const lower = (keys: Iterable<string>): Map<string, string> => {
    const m = new Map<string, string>();
    for (const k of keys) if (!m.has(k.toLowerCase())) m.set(k.toLowerCase(), k);
    return m;
  };
  // Filled on first use per document: anchors arrive while documents are parsed one by one.
  const anchorsLower = new Map<string, Map<string, string>>();
  return { ...targets, docsLower: lower(targets.docs.keys()), assetsLower: lower(targets.assets), anchorsLower };
}

export function resolveLinks(links: readonly LinkRef[], index: LinkIndex): { links: ResolvedLink[]; diagnostics: Diagnostic[] } {
  const out: ResolvedLink[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const link of links) {
    const resolved = resolveLink(link, index);
    out.push(resolved);
    const d = diagnoseLink(resolved);
    if (d) diagnostics.push(d);
  }
  return { links: out, diagnostics };
}

export function resolveLink(link: LinkRef, index: LinkIndex): ResolvedLink {
  const raw = link.url.trim();
  const broken = (reason: BrokenReason, extra: Partial<ResolvedLink> = {}): ResolvedLink => ({ ...link, class: 'broken', reason, ...extra });
  if (raw === '') return broken('missing-file');
  if (isProtocolRelative(raw)) return broken('unsafe-url');
  const scheme = schemeOf(raw);
  if (scheme !== undefined) {
    return isSafeExternalUrl(raw) ? { ...link, class: 'external', externalUrl: raw } : broken('unsafe-url');
  }
  const hashAt = raw.indexOf('#');
  const pathPart = (hashAt === -1 ? raw : raw.slice(0, hashAt)).split('?')[0]!;
  const anchor = hashAt === -1 ? undefined : decodeUrlPart(raw.slice(hashAt + 1)) || undefined;
  const path = decodeUrlPart(pathPart).replace(/\\/g, '/');

  if (path === '') {
    // `#anchor` within the same document.
    return withAnchor({ ...link, class: 'doc', targetDocId: link.docId }, anchor, index);
  }
  if (path.startsWith('/')) {
    return index.externalDocsBase ? external(link, raw, index.externalDocsBase) : broken('outside-content');
  }
  const target = posix.normalize(posix.join(posix.dirname(link.file), path));
  if (target === '..' || target.startsWith('../')) {
    return index.externalDocsBase ? external(link, raw, index.externalDocsBase) : broken('outside-content');
  }
  const clean = target.replace(/\/$/, '');
  for (const candidate of [clean, `${clean}.md`, `${clean}.mdx`, `${clean}/index.md`]) {
    const exact = index.docs.get(candidate);
    if (exact) return withAnchor({ ...link, class: 'doc', targetDocId: exact }, anchor, index);
  }
  for (const candidate of [clean, `${clean}.md`, `${clean}.mdx`]) {
    const real = index.docsLower.get(candidate.toLowerCase());
    if (real) return withAnchor({ ...link, class: 'doc', targetDocId: index.docs.get(real)!, caseMismatch: true }, anchor, index);
  }
  if (index.assets.has(clean)) return { ...link, class: 'asset', assetPath: clean };
  const assetReal = index.assetsLower.get(clean.toLowerCase());
  if (assetReal) return { ...link, class: 'asset', assetPath: assetReal, caseMismatch: true };
  if (index.otherMarkdown.has(clean)) return broken('missing-file');
  if (index.externalDocsBase && /\.mdx?$/i.test(clean) && link.kind !== 'image') {
    return external(link, raw, index.externalDocsBase);
  }
  return broken(link.kind === 'image' ? 'missing-image' : 'missing-file');
}

function withAnchor(link: ResolvedLink, anchor: string | undefined, index: LinkIndex): ResolvedLink {
  if (anchor === undefined) return link;
  const docId = link.targetDocId!;
  const anchors = index.anchors.get(docId);
  if (!anchors || anchors.has(anchor)) return { ...link, anchor };
  let lower = index.anchorsLower.get(docId);
  if (!lower) {
    lower = new Map();
    for (const a of anchors) if (!lower.has(a.toLowerCase())) lower.set(a.toLowerCase(), a);
    index.anchorsLower.set(docId, lower);
  }
  const real = lower.get(anchor.toLowerCase());
  if (real) return { ...link, anchor: real, caseMismatch: true };
  return { ...link, class: 'broken', reason: 'missing-anchor', anchor };
}

/** A document outside DIR, published under externalDocsBase: `../x.md#a` becomes `<base>/../x#a`. */
function external(link: LinkRef, raw: string, base: string): ResolvedLink {
  const baseUrl = new URL(base.endsWith('/') ? base : `${base}/`);
  const dir = posix.dirname(link.file);
  const from = new URL(dir === '.' ? '' : `${dir}/`, baseUrl);
  // URL resolution handles `/absolute` (against the origin) and `../` (clamped at the root) alike.
  const url = new URL(raw.replace(/\.mdx?(?=$|[#?])/i, ''), from).href;
  return { ...link, class: 'external', externalUrl: url };
}

const REASON_TEXT: Record<BrokenReason, [string, string]> = {
  'missing-file': ['links to a file that does not exist', 'Fix the path (relative to this file) or remove the link.'],
  'missing-image': ['shows an image that does not exist', 'Add the image or fix its path.'],
  'missing-anchor': ['links to an anchor the target page does not have', 'Use one of the target heading ids (lower-case, words joined by -).'],
  'unsafe-url': ['uses a URL scheme that is never published (only http, https and mailto are)', 'Link to an http(s) page instead.'],
  'outside-content': ['points outside the content folder', 'Set externalDocsBase (docgraph.yaml or --external-docs-base) to publish it as an external link, or fix the path.'],
};

export function diagnoseLink(link: ResolvedLink): Diagnostic | undefined {
  if (link.class === 'broken') {
    const [what, hint] = REASON_TEXT[link.reason!];
    return { severity: 'error', code: link.reason === 'missing-anchor' ? 'broken-anchor' : link.kind === 'image' ? 'broken-image' : 'broken-link', file: link.file, line: link.line, column: link.column, message: `"${truncate(link.url)}" ${what}.`, hint };
  }
  if (link.caseMismatch) {
    return { severity: 'warning', code: 'case-mismatch', file: link.file, line: link.line, column: link.column, message: `"${truncate(link.url)}" only matches a file or anchor when letter case is ignored.`, hint: 'Match the letter case of the target; case-sensitive hosts would 404.' };
  }
  return undefined;
}


function truncate(s: string): string {
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}
