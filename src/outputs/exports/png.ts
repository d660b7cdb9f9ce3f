// The SVG view as a PNG, for wikis that show external images only as bitmaps (MediaWiki's
// $wgAllowExternalImages takes gif/png/jpg) or thumbnail SVG badly. Rasterized from the same SVG text
// with resvg, so the two never differ in content. The bytes depend only on the SVG and the fonts the
// machine has: every family is pinned, so the pick never depends on font scan order; resvg writes no
// timestamp or other varying chunk, so two builds on one machine give the same file.
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';

/** Twice the SVG's size: crisp on high-density screens and wikis that scale it, ~2-4x the SVG's bytes. */
export const PNG_ZOOM = 2;

// DejaVu Sans is what textWidth in svg.ts estimates for and what Debian has (fonts-dejavu-core); the
// SVG's own list (system-ui, Segoe UI, Roboto, Helvetica, Arial) wins where the machine has one.
const FAMILY = 'DejaVu Sans';

const OPTIONS: ResvgRenderOptions = {
  fitTo: { mode: 'zoom', value: PNG_ZOOM },
  background: '#ffffff',
  font: { loadSystemFonts: true, defaultFontFamily: FAMILY, sansSerifFamily: FAMILY, serifFamily: FAMILY, monospaceFamily: FAMILY },
  logLevel: 'off',
};

export function svgToPng(svg: string): Uint8Array {
  return new Resvg(svg, OPTIONS).render().asPng();
}
