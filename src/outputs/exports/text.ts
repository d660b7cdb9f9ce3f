// Text cleaning shared by the exports. Labels, descriptions and evidence come from documents anyone can
// write, so each format escapes for its own syntax; these are the steps every format needs first.

/** Characters XML 1.0 cannot carry at all (C0 controls other than tab/newline/CR, lone surrogates, U+FFFE/F). */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Drops characters no XML parser accepts; everything else is kept for escaping. */
export function xmlSafeChars(text: string): string {
  return text.replace(XML_INVALID, '');
}

/**
 * Text for XML element content and attribute values (both quote kinds), so one function serves both.
 * Tab, newline and carriage return are written as character references: parsers normalize them in
 * attribute values (and CR everywhere), references survive, so values read back exactly.
 */
export function escapeXml(text: string): string {
  return xmlSafeChars(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** One line: every run of whitespace (newlines, tabs, U+2028...) becomes a single space. */
export function oneLine(text: string): string {
  return xmlSafeChars(text).replace(/[\s\u0085]+/gu, ' ').trim();
}

/** URLs a picture or a script-free export may link to: http(s) and site-relative paths only. */
export function isSafeHref(url: string): boolean {
  return /^https?:\/\//i.test(url) || (url.startsWith('/') && !url.startsWith('//'));
}
