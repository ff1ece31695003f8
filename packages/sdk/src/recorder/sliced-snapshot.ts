import { snagHooks } from '@rrweb/record';
import type { serializedNodeWithId } from '@rrweb/types';
import { REPLAY_SLICE_MS } from '../constants.js';
import type { RrwebSnapshotOptions } from './rrweb-seams.js';
import { yieldToPage } from './yield-to-page.js';

type SerializedParent = serializedNodeWithId & { childNodes: serializedNodeWithId[] };

/** A node whose children are being walked: the ancestors of the walk's position. */
interface Frame {
  node: Node;
  sn: SerializedParent;
  /** The child handled last; null before the first. */
  last: Node | null;
  /** Walking the open shadow root's children (after the light ones). */
  inShadow: boolean;
  needsMask: boolean;
  preserveWhiteSpace: boolean;
  cssCaptured: boolean;
}

export interface SlicedSnapshot {
  cancel(): void;
}

export interface SlicedSnapshotHooks {
  /**
   * Runs before every slice: pending mutations are handed to rrweb first (see below), for at most
   * `budgetMs`; false when some are left (the slice then waits for the next task).
   */
  beforeSlice(budgetMs: number): boolean;
  onDone(node: serializedNodeWithId): void;
}

const ELEMENT = 2;

/**
 * rrweb's full snapshot, taken in slices of REPLAY_SLICE_MS with rrweb's own serializer, mirror
 * and id counter, while rrweb's mutation observer keeps running:
 * - a node changed before the walk reached it is serialized as it is then, and rrweb drops the
 *   mutation (its node is not in the mirror yet);
 * - a node changed after it was serialized is in the mirror, so rrweb records the change as a
 *   mutation, which the caller emits after this snapshot;
 * - a child that rrweb already serialized as an added node is skipped here, the mutation adds it.
 * For that, mutations made before a slice must be processed before it (`beforeSlice`), children
 * are read live (never listed in advance), and the mirror starts empty.
 */
export function takeSlicedSnapshot(
  doc: Document,
  options: RrwebSnapshotOptions,
  hooks: SlicedSnapshotHooks,
): SlicedSnapshot {
  const { mirror, maskTextClass, maskTextSelector, slimDOM } = options;
  mirror.reset();
  // One options object for every node: serializeNodeWithId reads it and keeps nothing.
  const serializeOptions: Record<string, unknown> = {
    ...options,
    doc,
    maskInputOptions: options.maskAllInputs,
    slimDOMOptions: slimDOM,
    skipChild: true,
    // rrweb reads every element's scrollLeft/scrollTop for a snapshot unless the element is "newly
    // added": between slices the page may have changed the layout, and that read would lay the
    // whole page out inside the slice. Inner scroll positions come with the next scroll instead.
    newlyAddedElement: true,
  };
  const serialize = (node: Node, frame: Frame | undefined) => {
    serializeOptions.needsMask = frame?.needsMask ?? false;
    serializeOptions.preserveWhiteSpace = frame?.preserveWhiteSpace ?? true;
    serializeOptions.cssCaptured = frame?.cssCaptured ?? false;
    return snagHooks.serializeNodeWithId(node, serializeOptions);
  };
  // Snag keeps rrweb's default mask class (a string) and masks with its selector.
  const masked = (element: Element) =>
    element.classList.contains(maskTextClass as string) || (!!maskTextSelector && element.matches(maskTextSelector));

  const root = serialize(doc, undefined) as SerializedParent;
  const stack: Frame[] = [
    {
      node: doc,
      sn: root,
      last: null,
      inShadow: false,
      needsMask: false,
      preserveWhiteSpace: true,
      cssCaptured: false,
    },
  ];
  let cancelled = false;

  const nextChild = (frame: Frame): Node | null => {
    const list = frame.inShadow ? (frame.node as Element).shadowRoot : frame.node;
    if (!list) return null;
    if (!frame.last) return list.firstChild;
    if (frame.last.parentNode === list) return frame.last.nextSibling;
    // The last child moved or left: the next one is the first child not serialized yet.
    let child = list.firstChild;
    while (child && mirror.hasNode(child)) child = child.nextSibling;
    return child;
  };

  const descend = (node: Node, sn: SerializedParent, parent: Frame) => {
    const element = node as Element;
    const { tagName, attributes } = sn as SerializedParent & { tagName: string; attributes: Record<string, unknown> };
    // Blocked elements keep only their size; a textarea's text is its value.
    if (attributes.rr_width !== undefined || (tagName === 'textarea' && attributes.value !== undefined)) return;
    stack.push({
      node,
      sn,
      last: null,
      inShadow: false,
      needsMask: parent.needsMask || masked(element),
      preserveWhiteSpace: parent.preserveWhiteSpace && !(slimDOM.headWhitespace && tagName === 'head'),
      cssCaptured: typeof attributes._cssText === 'string',
    });
  };

  /** Serializes one node; false once the walk is complete. */
  const step = (): boolean => {
    const frame = stack[stack.length - 1];
    if (!frame) return false;
    const child = frame.node.isConnected ? nextChild(frame) : null;
    if (!child) {
      const shadow = frame.inShadow || frame.node.nodeType !== 1 ? null : (frame.node as Element).shadowRoot;
      if (shadow && frame.node.isConnected) {
        frame.inShadow = true;
        frame.last = null;
      } else stack.pop();
      return stack.length > 0;
    }
    frame.last = child;
    // Already serialized: rrweb recorded it as an added node during the walk.
    if (mirror.hasNode(child)) return true;
    const sn = serialize(child, frame);
    if (!sn) return true;
    frame.sn.childNodes.push(sn);
    if (sn.type === ELEMENT) descend(child, sn as SerializedParent, frame);
    return true;
  };

  const slice = () => {
    if (cancelled) return;
    // The slice's time includes handing over the pending mutations, but the walk always gets half of
    // it: on a page that keeps changing, the walk still ends.
    const start = performance.now();
    const handedOver = hooks.beforeSlice(REPLAY_SLICE_MS);
    // Handing over the pending mutations can end the recording (a storm).
    if (cancelled) return;
    if (!handedOver) {
      yieldToPage(slice);
      return;
    }
    const deadline = Math.max(start + REPLAY_SLICE_MS, performance.now() + REPLAY_SLICE_MS / 2);
    while (performance.now() < deadline) {
      if (!step()) {
        hooks.onDone(root);
        return;
      }
    }
    yieldToPage(slice);
  };
  yieldToPage(slice);

  return {
    cancel() {
      cancelled = true;
    },
  };
}
