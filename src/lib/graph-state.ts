// The graph view as URL parameters, so any view can be shared and embedded:
//   ?focus=azure-ad-connect&depth=2&types=tool,concept&rel=replaces&weight=2
//   ?from=dirsync&to=ad-fs
// The query string is outside input: it is parsed with a zod schema, and a bad value becomes a message
// for the reader (the rest of the view still applies), never an exception.
import { z } from 'zod';
import { VIEW_NODE_TYPES, type ViewNodeType } from '../outputs/graph-view.ts';
import { RELATION_TYPES, type RelationType } from '../pipeline/types.ts';

export interface GraphState {
  focus?: string;
  depth: number;
  /** Node types shown; all when absent from the URL. */
  types: ViewNodeType[];
  /** Relation types shown; all when absent from the URL. */
  rel: RelationType[];
  /** Minimum edge weight shown. */
  weight: number;
  from?: string;
  to?: string;
  theme?: 'light' | 'dark';
}

export const DEFAULT_DEPTH = 1;
export const MAX_DEPTH = 4;

const list = <T extends string>(values: readonly T[]) =>
  z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values as [T, ...T[]])).min(1));

const nodeId = z.string().trim().min(1).max(300);

const fields = {
  focus: nodeId,
  depth: z.coerce.number().int().min(1).max(MAX_DEPTH),
  types: list(VIEW_NODE_TYPES),
  rel: list(RELATION_TYPES),
  weight: z.coerce.number().int().min(1).max(1_000_000),
  from: nodeId,
  to: nodeId,
  theme: z.enum(['light', 'dark']),
  layers: z.literal('documents'),
} as const;

type Field = keyof typeof fields;

/** The layer of documents, mentions and links: off by default, so every view opens on knowledge. */
export const DOCUMENT_TYPES: readonly ViewNodeType[] = ['document'];
export const DOCUMENT_RELATIONS: readonly RelationType[] = ['mentions', 'links-to'];
const KNOWLEDGE_TYPES = VIEW_NODE_TYPES.filter((t) => !DOCUMENT_TYPES.includes(t));
const KNOWLEDGE_RELATIONS = RELATION_TYPES.filter((t) => !DOCUMENT_RELATIONS.includes(t));

export const DEFAULT_STATE: GraphState = { depth: DEFAULT_DEPTH, types: [...KNOWLEDGE_TYPES], rel: [...KNOWLEDGE_RELATIONS], weight: 1 };

/** Whether a view shows the documents layer (`layers=documents`, or types/rel that name it). */
export function showsDocuments(state: Pick<GraphState, 'types' | 'rel'>): boolean {
  return state.types.includes('document') || state.rel.some((r) => DOCUMENT_RELATIONS.includes(r));
}

/** The same view with the documents layer turned on or off. */
export function withDocuments<T extends Pick<GraphState, 'types' | 'rel'>>(state: T, on: boolean): T {
  const types = on ? [...new Set([...state.types, ...DOCUMENT_TYPES])] : state.types.filter((t) => !DOCUMENT_TYPES.includes(t));
  const rel = on ? [...new Set([...state.rel, ...DOCUMENT_RELATIONS])] : state.rel.filter((r) => !DOCUMENT_RELATIONS.includes(r));
  return { ...state, types: types.length ? types : [...KNOWLEDGE_TYPES], rel: rel.length ? rel : [...KNOWLEDGE_RELATIONS] };
}

/** Reads the view from a query string; each bad parameter is skipped and explained in `problems`. */
export function parseGraphState(search: string | URLSearchParams): { state: GraphState; problems: string[] } {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const state: GraphState = { ...DEFAULT_STATE, types: [...DEFAULT_STATE.types], rel: [...DEFAULT_STATE.rel] };
  const problems: string[] = [];
  for (const name of Object.keys(fields) as Field[]) {
    const raw = params.get(name);
    if (raw === null) continue;
    const parsed = fields[name].safeParse(raw);
    if (parsed.success && name === 'layers') Object.assign(state, withDocuments(state, true));
    else if (parsed.success) Object.assign(state, { [name]: parsed.data });
    else problems.push(`Ignored ${name}=${JSON.stringify(raw.slice(0, 80))}: ${explain(name)}`);
  }
  return { state, problems };
}

function explain(name: Field): string {
  switch (name) {
    case 'depth':
      return `depth is a whole number from 1 to ${MAX_DEPTH}.`;
    case 'types':
      return `types is a comma-separated list of ${VIEW_NODE_TYPES.join(', ')}.`;
    case 'rel':
      return `rel is a comma-separated list of ${RELATION_TYPES.join(', ')}.`;
    case 'weight':
      return 'weight is a whole number of at least 1.';
    case 'theme':
      return 'theme is light or dark.';
    case 'layers':
      return 'layers=documents is the only layer (documents, mentions and links).';
    default:
      return 'expected a node id.';
  }
}

/** The query string of a view (without `?`); defaults are left out so shared URLs stay short. */
export function formatGraphState(state: GraphState): string {
  const params = new URLSearchParams();
  if (state.from && state.to) {
    params.set('from', state.from);
    params.set('to', state.to);
  } else if (state.focus) {
    params.set('focus', state.focus);
    if (state.depth !== DEFAULT_DEPTH) params.set('depth', String(state.depth));
  }
  // The documents layer on top of the default view is `layers=documents`; any other choice is spelt out.
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
  const layered = withDocuments(DEFAULT_STATE, true);
  if (same(state.types, layered.types) && same(state.rel, layered.rel)) params.set('layers', 'documents');
  else {
    if (!same(state.types, DEFAULT_STATE.types)) params.set('types', VIEW_NODE_TYPES.filter((t) => state.types.includes(t)).join(','));
    if (!same(state.rel, DEFAULT_STATE.rel)) params.set('rel', RELATION_TYPES.filter((t) => state.rel.includes(t)).join(','));
  }
  if (state.weight !== 1) params.set('weight', String(state.weight));
  if (state.theme) params.set('theme', state.theme);
  return params.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
}
