/**
 * Walking a Markdown tree without recursion: a page of 5,000 nested block quotes or list items must not run out
 * of stack (unist-util-visit recurses, one frame or more a level).
 */
import type { Nodes, Parents } from 'mdast';

/**
 * Calls `visit` on every node in document order (a node before its children) with its ancestors, root first.
 * The ancestors array is the walk's own stack: copy it to keep it. `index` is the node's place in its parent.
 */
export function eachNode(tree: Parents, visit: (node: Nodes, ancestors: readonly Parents[], index: number) => void): void {
  visit(tree, [], -1);
  const ancestors: Parents[] = [tree];
  const positions: number[] = [0];
  while (ancestors.length) {
    const depth = ancestors.length - 1;
    const parent = ancestors[depth] as Parents;
    const i = positions[depth] as number;
    if (i >= parent.children.length) {
      ancestors.pop();
      positions.pop();
      continue;
    }
    positions[depth] = i + 1;
    const node = parent.children[i] as Nodes;
    visit(node, ancestors, i);
    if ('children' in node && node.children.length) {
      ancestors.push(node as Parents);
      positions.push(0);
    }
  }
}
