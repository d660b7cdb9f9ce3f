// The allow-list for article HTML: GitHub's sanitize schema (hast-util-sanitize's default), with
// ids left unprefixed so `page#section` deep links match the pipeline's section ids, and the few
// classes docgraph itself puts on callouts and link markers. Only http(s)/mailto and relative URLs.
import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';

const base = defaultSchema.attributes ?? {};

export const articleSchema: SanitizeSchema = {
  ...defaultSchema,
  // Unprefixed ids are safe here: the site's scripts never read named globals off `window`.
  clobber: [],
  tagNames: [...(defaultSchema.tagNames ?? []), 'aside', 'mark'],
  attributes: {
    ...base,
    // Replaces the default `className` rule on `a` (footnote back-references) with one that also
    // allows docgraph's link markers; hast-util-sanitize uses the first rule for a property.
    a: [...(base.a ?? []).filter((rule) => !(Array.isArray(rule) && rule[0] === 'className')), ['className', 'data-footnote-backref', 'external', 'external-image', 'broken-anchor'], 'rel'],
    aside: [['className', 'callout', /^callout-(note|tip|important|caution|warning)$/], 'role', 'ariaLabel'],
    p: [['className', 'callout-title']],
    span: [['className', 'broken-link', 'broken-image', 'broken-marker'], 'title', 'role', 'ariaLabel'],
    code: [...(base.code ?? []), ['className', /^language-[\w-]+$/]],
    img: [...(base.img ?? []), 'loading', 'decoding'],
  },
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], src: ['http', 'https'], cite: ['http', 'https'], longDesc: ['http', 'https'] },
};
