// /oembed/<entity>.json: the oEmbed answer for the entity page, found through its discovery <link>.
// Serialized like JSON-LD (`<` as \u003c...): the same JSON value, and inert if served as HTML by mistake.
import type { APIRoute } from 'astro';
import { entityEmbedPaths, entityEmbedUrls } from '../../lib/embeds.ts';
import { entityOEmbed } from '../../outputs/exports/oembed.ts';
import { jsonLdString, publicUrl } from '../../lib/seo.ts';
import type { GraphNode } from '../../pipeline/types.ts';

export const getStaticPaths = entityEmbedPaths;

export const GET: APIRoute<{ node: GraphNode }> = ({ props, site }) => {
  const urls = entityEmbedUrls(props.node, site);
  const body = entityOEmbed({ label: props.node.label, iframeUrl: urls.iframe, providerName: __DOCGRAPH_TITLE__, providerUrl: publicUrl('/', site) });
  return new Response(jsonLdString(body) + '\n', { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
