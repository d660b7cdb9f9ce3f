// The oEmbed answer (https://oembed.com, type "rich") for an entity: what a wiki that speaks oEmbed
// puts in its page when someone pastes the entity's URL. A static site cannot answer `?url=` queries,
// so each entity has its own JSON file, found through the discovery <link> in the entity page's head.
import { IFRAME_SIZE, iframeSnippet } from './snippets.ts';
import { oneLine } from './text.ts';

export interface OEmbedRich {
  version: '1.0';
  type: 'rich';
  title: string;
  provider_name: string;
  provider_url: string;
  html: string;
  width: number;
  height: number;
}

export function entityOEmbed(input: { label: string; iframeUrl: string; providerName: string; providerUrl: string }): OEmbedRich {
  return {
    version: '1.0',
    type: 'rich',
    title: oneLine(input.label),
    provider_name: oneLine(input.providerName),
    provider_url: input.providerUrl,
    html: iframeSnippet(input.iframeUrl, input.label),
    width: IFRAME_SIZE.width,
    height: IFRAME_SIZE.height,
  };
}
