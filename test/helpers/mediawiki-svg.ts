// MediaWiki's checks on an uploaded SVG (1.39, includes/upload/UploadBase.php: detectScript,
// detectScriptInSvg, checkSvgScriptCallback, checkCssFragment, checkSvgPICallback), restated so
// tests can hold every generated picture to them without a wiki. Returns the reasons a wiki would
// refuse the file (MediaWiki's message keys), none when it would take it.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const SVG_NAMESPACES = new Set(['', 'http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xlink', 'http://www.w3.org/xml/1998/namespace', 'http://purl.org/dc/elements/1.1/', 'http://creativecommons.org/ns#', 'http://www.w3.org/1999/02/22-rdf-syntax-ns#']);
const SCRIPT_ELEMENTS = new Set(['script', 'handler', 'stylesheet', 'iframe']);
const CSS_ATTRIBUTES = new Set(['font', 'clip-path', 'fill', 'filter', 'marker', 'marker-end', 'marker-mid', 'marker-start', 'mask', 'stroke']);
/** detectScript: HTML a browser could sniff, looked for in the first KB (lower-cased). */
const HTML_TAGS = ['<a href', '<body', '<head', '<html', '<img', '<pre', '<script', '<table'];

/** checkCssFragment: CSS that loads or runs something. */
function hostileCss(value: string): boolean {
  const css = value.replace(/(@font-face\s*{[^}]*src:)url\(("data:;base64,)/gim, '$1$2');
  return /@import/i.test(css) || /expression\s*\(/i.test(css) || /-o-link(-source)?\s*:/i.test(css) || /-o-replace\s*:/i.test(css) || /url\s*\(\s*["']?\s*[^#]/i.test(css) || /\\/.test(css);
}

const strip = (name: string) => name.replace(/^[^:]*:/, '');

export function mediawikiSvgProblems(svg: string): string[] {
  const problems: string[] = [];
  if (XMLValidator.validate(svg) !== true) return ['uploadinvalidxml'];
  const head = svg.slice(0, 1024).toLowerCase();
  if (/<!doctype *x?html/i.test(head)) problems.push('uploadscripted: html doctype');
  for (const tag of HTML_TAGS) if (head.includes(tag)) problems.push(`uploadscripted: ${tag} in the first KB`);
  if (/<!doctype/i.test(svg)) problems.push('uploadscripted: a DTD'); // only SVG's own DTDs pass; we write none
  if (/<\?xml-stylesheet/i.test(svg)) problems.push('uploaded-xml-stylesheet-svg'); // checkSvgPICallback
  const tree = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, parseTagValue: false, processEntities: true }).parse(svg) as unknown[];
  const walk = (nodes: unknown[], namespaces: Map<string, string>) => {
    for (const node of nodes as Record<string, unknown>[]) {
      const name = Object.keys(node).find((k) => k !== ':@');
      if (!name || name === '#text' || name.startsWith('?')) continue;
      const attrs = (node[':@'] ?? {}) as Record<string, string>;
      const scope = new Map(namespaces);
      for (const [k, v] of Object.entries(attrs)) if (k === 'xmlns' || k.startsWith('xmlns:')) scope.set(k === 'xmlns' ? '' : k.slice(6), v);
      const prefix = name.includes(':') ? name.split(':')[0]! : '';
      const namespace = (scope.get(prefix) ?? '').toLowerCase();
      const element = strip(name).toLowerCase();
      if (!SVG_NAMESPACES.has(namespace)) problems.push(`uploadscriptednamespace: ${namespace}`);
      if (SCRIPT_ELEMENTS.has(element)) problems.push(`uploaded-script-svg: <${element}>`);
      const children = node[name] as unknown[];
      if (element === 'style') {
        const css = children.map((c) => String((c as Record<string, unknown>)['#text'] ?? '')).join('');
        if (hostileCss(css)) problems.push('uploaded-hostile-svg: <style>');
      }
      for (const [attr, raw] of Object.entries(attrs)) {
        const a = strip(attr).toLowerCase();
        const value = raw.toLowerCase();
        if (a.startsWith('on')) problems.push(`uploaded-event-handler-on-svg: ${attr}`);
        // <a> may link to http(s); every element may point at data: or a fragment; nothing else.
        if (a === 'href' && value !== '' && !value.startsWith('data:') && !value.startsWith('#') && !(element === 'a' && /^https?:\/\//.test(value))) problems.push(`uploaded-href-attribute-svg: <${element} ${attr}="${raw}">`);
        if (a === 'href' && value.startsWith('data:') && !/^data:\s*image\/(gif|jpeg|jpg|png)[;,]/.test(value)) problems.push(`uploaded-href-unsafe-target-svg: ${attr}`);
        if ((element === 'set' || element === 'animate') && a === 'attributename' && (value.startsWith('on') || strip(value).includes('href'))) problems.push(`uploaded-setting-svg: ${value}`);
        if (element === 'set' && a === 'to' && /(http|https|data|script):/i.test(value)) problems.push('uploaded-wrong-setting-svg');
        if (a === 'handler' && /(http|https|data|script):/i.test(value)) problems.push('uploaded-setting-handler-svg');
        if ((a === 'style' || CSS_ATTRIBUTES.has(a)) && hostileCss(value)) problems.push(`uploaded-remote-url-svg: ${attr}="${raw}"`);
        if (element === 'image' && a === 'filter' && /url\s*\(\s*["']?[^#]/i.test(value)) problems.push('uploaded-image-filter-svg');
      }
      if (Array.isArray(children)) walk(children, scope);
    }
  };
  walk(tree, new Map());
  return problems;
}
