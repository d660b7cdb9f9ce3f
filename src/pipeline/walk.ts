// Every node of a tree, depth-first in document order, for walks that run over every node of every
// document. unist-util-visit names a closure per node it visits (Object.defineProperty, for its
// stack traces): over the two walks below that was ~5 s of a 10,000-document build.
import type { Node, Parent } from 'unist';

/** Calls `fn` with each node of `tree` (itself included) whose `type` is `type`. */
export function eachOfType<T extends Node>(tree: Node, type: T['type'], fn: (node: T) => void): void {
  const stack: Node[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === type) fn(node as T);
    const children = (node as Partial<Parent>).children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}
