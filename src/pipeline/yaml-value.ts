// Turning a parsed YAML document into plain values can still throw after a clean parse: an alias
// whose anchor comes later (`*a`), or more alias expansions than `maxAliasCount` (the "billion
// laughs" file). Both become a reported problem instead of a crash.
import type { Document, Node as YamlNode } from 'yaml';

export function yamlValue(node: Pick<Document | YamlNode, 'toJSON'>): { value: unknown } | { error: string } {
  try {
    return { value: node.toJSON() };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
