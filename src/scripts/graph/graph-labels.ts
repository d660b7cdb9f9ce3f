// Label priority: no label is drawn over another label or over another node's body. Labels are placed in
// rank order (what the view is about first, then entities by how much is stated about them); a label
// that would collide with one already placed, or with any drawn node, gets the `no-label` class and
// appears when the reader zooms in far enough for it to fit. Boxes are cytoscape's own
// (`boundingBox({ includeLabels })`), so what is checked is what is drawn.
import type cytoscape from 'cytoscape';

type BB = { x1: number; y1: number; x2: number; y2: number };

/** Rank of a node type: lower places first. */
const TYPE_RANK: Record<string, number> = { product: 0, tool: 0, concept: 0, discovered: 1, document: 2 };

export interface LabelPlan {
  /** Nodes labelled whatever else collides with them (the focus of a view and its typed neighbours). */
  mandatory?: ReadonlySet<string>;
  /** Typed edges whose relation may be written on them. */
  edgeLabels?: cytoscape.EdgeCollection;
}

/** A uniform grid over boxes: placing a thousand labels checks a few neighbours each, not all of them. */
class BoxGrid {
  private cells = new Map<string, { box: BB; owner: string }[]>();
  private size: number;
  constructor(size: number) {
    this.size = size;
  }
  private keys(b: BB): string[] {
    const keys: string[] = [];
    for (let i = Math.floor(b.x1 / this.size); i <= Math.floor(b.x2 / this.size); i++) {
      for (let j = Math.floor(b.y1 / this.size); j <= Math.floor(b.y2 / this.size); j++) keys.push(`${i},${j}`);
    }
    return keys;
  }
  add(raw: BB, owner: string): void {
    // A pixel of room on each side: boxes measured a frame apart differ by a fraction of one.
    const box = { x1: raw.x1 - 1, y1: raw.y1 - 1, x2: raw.x2 + 1, y2: raw.y2 + 1 };
    for (const k of this.keys(box)) {
      const cell = this.cells.get(k);
      if (cell) cell.push({ box, owner });
      else this.cells.set(k, [{ box, owner }]);
    }
  }
  /** Whether `box` meets a box of an owner other than those in `except`. */
  hits(box: BB, except: ReadonlySet<string>): boolean {
    for (const k of this.keys(box)) {
      for (const other of this.cells.get(k) ?? []) {
        if (!except.has(other.owner) && overlaps(box, other.box)) return true;
      }
    }
    return false;
  }
}

export function overlaps(a: BB, b: BB): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

const hasLabel = (e: cytoscape.SingularElementArgument) => String(e.style('label') ?? '') !== '' && Number(e.style('text-opacity')) > 0;

/** Labels the nodes (and typed edges) that fit; returns how many node labels are drawn. */
export function placeLabels(cy: cytoscape.Core, plan: LabelPlan = {}): number {
  const mandatory = plan.mandatory ?? new Set<string>();
  cy.batch(() => cy.elements('.no-label').removeClass('no-label'));
  const nodes = cy.nodes(':visible');
  const degree = (n: cytoscape.NodeSingular) => n.connectedEdges(':visible').filter((e) => e.data('type') !== 'mentions' && e.data('type') !== 'links-to').length;
  const candidates = nodes.filter((n) => hasLabel(n)).toArray() as cytoscape.NodeSingular[];
  const rank = new Map(candidates.map((n) => [n.id(), [mandatory.has(n.id()) ? 0 : 1, TYPE_RANK[n.data('type') as string] ?? 1, -degree(n)] as const]));
  candidates.sort((a, b) => {
    const [ra, rb] = [rank.get(a.id())!, rank.get(b.id())!];
    return ra[0] - rb[0] || ra[1] - rb[1] || ra[2] - rb[2] || (a.id() < b.id() ? -1 : 1);
  });
  // With overlays, as cytoscape reports what an element covers by default: a pixel wider on each side
  // than without, so two labels it places never touch (they did, a pixel apart, on the corpus graph).
  const bodyBox = (n: cytoscape.NodeSingular) => n.boundingBox({ includeLabels: false }) as BB;
  const fullBox = (n: cytoscape.NodeSingular) => n.boundingBox({ includeLabels: true }) as BB;
  const extent = cy.extent();
  const cell = Math.max(20, Math.min(extent.w, extent.h) / 12);
  const bodies = new BoxGrid(cell);
  nodes.forEach((n) => bodies.add(bodyBox(n), n.id()));
  const placed = new BoxGrid(cell);
  const hidden: cytoscape.SingularElementArgument[] = [];
  let drawn = 0;
  for (const n of candidates) {
    const box = fullBox(n);
    const self = new Set([n.id()]);
    if (!mandatory.has(n.id()) && (placed.hits(box, self) || bodies.hits(box, self))) {
      hidden.push(n);
      continue;
    }
    placed.add(box, n.id());
    drawn++;
  }
  // Edge labels last: a relation's name is also in the tooltip, the panel and the list.
  plan.edgeLabels?.forEach((e) => {
    if (!e.visible() || !hasLabel(e)) return;
    const box = e.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }) as BB;
    if (box.x2 <= box.x1 || placed.hits(box, new Set()) || bodies.hits(box, new Set())) hidden.push(e);
    else placed.add(box, e.id());
  });
  cy.batch(() => hidden.forEach((e) => e.addClass('no-label')));
  // Hiding a label can change what cytoscape measures for its neighbours' boxes by a fraction; one
  // more pass over the labels kept, with fresh boxes, drops any that now meet an earlier one.
  const again = new BoxGrid(cell);
  const late: cytoscape.NodeSingular[] = [];
  for (const n of candidates) {
    if (n.hasClass('no-label')) continue;
    const box = fullBox(n);
    if (!mandatory.has(n.id()) && again.hits(box, new Set([n.id()]))) late.push(n);
    else again.add(box, n.id());
  }
  cy.batch(() => late.forEach((n) => n.addClass('no-label')));
  return drawn - late.length;
}
