// `accentColor` -> the stylesheet that recolours the site (a file: the CSP allows no inline style).
// Links are text, so the colour must stay readable in both themes: each theme's colour is darkened
// (light) or lightened (dark) just enough to reach 4.5:1 (WCAG AA for body text) against that
// theme's page and header backgrounds. One colour gives both themes; `{ light, dark }` sets each,
// still adjusted only if it falls short.

/** The backgrounds links sit on (src/styles/global.css --bg and --surface). */
const BACKGROUNDS = { light: ['#ffffff', '#f6f8fa'], dark: ['#0d1117', '#161b22'] } as const;
export const MIN_CONTRAST = 4.5;

type Rgb = [number, number, number];

function parseHex(hex: string): Rgb {
  const digits = hex.slice(1);
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as Rgb;
}

const toHex = (rgb: Rgb): string => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrast(a: string, b: string): number {
  const [la, lb] = [luminance(parseHex(a)), luminance(parseHex(b))];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** The colour, mixed towards black (light theme) or white (dark) in small steps until it is readable on every background. */
export function readableOn(hex: string, theme: 'light' | 'dark'): string {
  const start = parseHex(hex);
  const goal = theme === 'light' ? 0 : 255;
  for (let step = 0; step <= 50; step++) {
    const t = step / 50;
    const colour = toHex(start.map((c) => c + (goal - c) * t) as Rgb);
    if (BACKGROUNDS[theme].every((bg) => contrast(colour, bg) >= MIN_CONTRAST)) return colour;
  }
  return theme === 'light' ? '#000000' : '#ffffff';
}

export interface AccentColours {
  light: string;
  dark: string;
}

export function accentColours(setting: string | AccentColours): AccentColours {
  const [light, dark] = typeof setting === 'string' ? [setting, setting] : [setting.light, setting.dark];
  return { light: readableOn(light.toLowerCase(), 'light'), dark: readableOn(dark.toLowerCase(), 'dark') };
}

/**
 * The stylesheet, linked after the site's own: it overrides the accent and link custom properties, and
 * tints the chips and the current page in the sidebar with the accent (the default blue tint beside
 * orange links looked like a leftover). Chip text is the page's text colour, readable on any tint this light
 * (or dark).
 */
export function accentStylesheet(colours: AccentColours): string {
  const pair = `light-dark(${colours.light}, ${colours.dark})`;
  const tint = `light-dark(color-mix(in srgb, ${colours.light} 12%, #ffffff), color-mix(in srgb, ${colours.dark} 22%, #0d1117))`;
  return [
    `/* From docgraph.yaml accentColor (each theme's colour reaches ${MIN_CONTRAST}:1 contrast on its backgrounds). */`,
    ':root {',
    `  --accent: ${pair};`,
    `  --link: ${pair};`,
    `  --chip-bg: ${tint};`,
    '  --chip-fg: light-dark(#1b1f24, #e6edf3);',
    '}',
    '',
  ].join('\n');
}
