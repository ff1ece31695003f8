import { REPLAY_SLICE_MS } from '../constants.js';
import { FULL_SNAPSHOT } from './event-types.js';
import { yieldToPage } from './yield-to-page.js';

/** Pieces are handed on once they reach this many characters. */
const PIECE_CHARS = 64 * 1024;
const NODE_PLACEHOLDER = '"@@snag-node@@"';

interface TreeNode {
  childNodes?: TreeNode[];
  [field: string]: unknown;
}

const nextTask = () => new Promise<void>((resolve) => yieldToPage(resolve));

/**
 * The JSON text of a list of rrweb events, in pieces, yielding to the page every REPLAY_SLICE_MS:
 * a full snapshot of a large page is megabytes of JSON, which one JSON.stringify would write in
 * one long task. The snapshot's node tree is written node by node; everything else at once.
 */
export async function* jsonPieces(
  events: Array<{ type: number; data?: unknown }>,
  /** The JSON of some of the events, already written (by index): not written again. */
  written: Array<string | undefined> = [],
): AsyncGenerator<string> {
  let text = '[';
  let deadline = performance.now() + REPLAY_SLICE_MS;
  for (const [index, event] of events.entries()) {
    if (index > 0) text += ',';
    const data = event.data as { node?: TreeNode } | undefined;
    if (event.type !== FULL_SNAPSHOT || !data?.node) {
      text += written[index] ?? JSON.stringify(event);
      continue;
    }
    const [before, after] = JSON.stringify({ ...event, data: { ...data, node: '@@snag-node@@' } }).split(
      NODE_PLACEHOLDER,
    ) as [string, string];
    text += before;
    // Depth-first with an explicit stack: [node, index of the next child to write].
    const stack: Array<[TreeNode, number]> = [[data.node, -1]];
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as [TreeNode, number];
      const [node, next] = top;
      const children = node.childNodes;
      if (next === -1) {
        if (!children) {
          text += JSON.stringify(node);
          stack.pop();
        } else {
          const { childNodes: _children, ...fields } = node;
          text += `${JSON.stringify(fields).slice(0, -1)},"childNodes":[`;
          top[1] = 0;
        }
      } else if (children && next < children.length) {
        if (next > 0) text += ',';
        top[1] = next + 1;
        stack.push([children[next] as TreeNode, -1]);
      } else {
        text += ']}';
        stack.pop();
      }
      if (text.length >= PIECE_CHARS) {
        yield text;
        text = '';
        if (performance.now() >= deadline) {
          await nextTask();
          deadline = performance.now() + REPLAY_SLICE_MS;
        }
      }
    }
    text += after;
  }
  yield `${text}]`;
}
