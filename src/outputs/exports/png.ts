// The SVG view as a PNG, for wikis that show external images only as bitmaps (MediaWiki's
// $wgAllowExternalImages takes gif/png/jpg) or thumbnail SVG badly. Rasterized from the same SVG text
// with resvg, so the two never differ in content. The bytes depend only on the SVG and the fonts the
// machine has: every family is pinned, so the pick never depends on font scan order; resvg writes no
// timestamp or other varying chunk, so two builds on one machine give the same file.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';

/** Twice the SVG's size: crisp on high-density screens and wikis that scale it, ~2-4x the SVG's bytes. */
export const PNG_ZOOM = 2;

// DejaVu Sans is what textWidth in svg.ts estimates for and what Debian has (fonts-dejavu-core); the
// SVG's own list (system-ui, Segoe UI, Roboto, Helvetica, Arial) wins where the machine has one.
const FAMILY = 'DejaVu Sans';

// Each Resvg loads its fonts anew: scanning every system font for each of a corpus's ~1,000 pictures
// took 15 s and held 1.5 GB of native memory at once. DejaVu's two files alone load in a millisecond
// and give the same pictures on every machine that has them; text DejaVu has no glyphs for (CJK,
// say) still gets the system's fonts.
const DEJAVU_DIRS = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu', '/usr/share/fonts/TTF', '/usr/local/share/fonts', '/Library/Fonts'];
const DEJAVU = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];
const dejavuFiles = (() => {
  const dir = DEJAVU_DIRS.find((d) => DEJAVU.every((f) => existsSync(join(d, f))));
  return dir ? DEJAVU.map((f) => join(dir, f)) : undefined;
})();
/** Characters outside the Latin, Greek, Cyrillic, punctuation, arrow and symbol blocks DejaVu Sans covers. */
const BEYOND_DEJAVU = /[^\u0000-\u052F\u1E00-\u1FFF\u2000-\u22FF\u2460-\u27BF]/u;

function options(svg: string): ResvgRenderOptions {
  const own = dejavuFiles && !BEYOND_DEJAVU.test(svg);
  return {
    fitTo: { mode: 'zoom', value: PNG_ZOOM },
    background: '#ffffff',
    font: {
      ...(own ? { loadSystemFonts: false, fontFiles: dejavuFiles } : { loadSystemFonts: true }),
      defaultFontFamily: FAMILY,
      sansSerifFamily: FAMILY,
      serifFamily: FAMILY,
      monospaceFamily: FAMILY,
    },
    logLevel: 'off',
  };
}

export function svgToPng(svg: string): Uint8Array {
  return new Resvg(svg, options(svg)).render().asPng();
}

/** The same bytes, rendered on libuv's thread pool: a build keeps several in flight on its spare core. */
export async function svgToPngAsync(svg: string): Promise<Uint8Array> {
  return (await renderAsync(svg, options(svg))).asPng();
}

/**
 * Frees the pixels of the pictures rendered so far. Each render leaves a ~1.3 MB pixmap in native
 * memory that V8 does not count, so nothing makes it collect them, and Node runs N-API finalizers only
 * once the event loop turns: the corpus's 989 pictures held 1.5 GB at once. A young-generation
 * collection (the wrappers die young) then a turn of the event loop releases them; writers call this
 * every few pictures. `gc` is reached the way Jest's leak detector does (no flag needed at start-up).
 */
export async function releaseRasters(): Promise<void> {
  collect({ type: 'minor' });
  await new Promise((resolve) => setImmediate(resolve));
}

const collect: (options: { type: 'minor' }) => void = (() => {
  const exposed = (globalThis as { gc?: (options: { type: 'minor' }) => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as (options: { type: 'minor' }) => void;
})();
