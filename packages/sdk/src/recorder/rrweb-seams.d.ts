import type { IMirror, serializedNodeWithId } from '@rrweb/types';

/** Options rrweb's takeFullSnapshot hands to its snapshot function (record/index.ts), as far as Snag reads them. */
export interface RrwebSnapshotOptions {
  mirror: IMirror<Node>;
  blockClass: string | RegExp;
  blockSelector: string | null;
  maskTextClass: string | RegExp;
  maskTextSelector: string | null;
  maskAllInputs: Record<string, boolean>;
  slimDOM: Record<string, boolean>;
  [option: string]: unknown;
}

/** Seams opened in @rrweb/record at build time by build/rrweb-hooks.ts. */
export interface RrwebSeams {
  /** Replaces rrweb's one-task snapshot of the document when set. */
  snapshot: ((doc: Document, options: RrwebSnapshotOptions) => serializedNodeWithId | null) | undefined;
  /** Wraps every mutation observer callback rrweb installs. */
  mutations: (process: (records: MutationRecord[]) => void) => (records: MutationRecord[]) => void;
  /** Reads the scroll position of a scrolled document or element after the next layout (rrweb's scroll observer; its selection observer at start). */
  scrollOf: ((target: Node, doc: Document, emit: (x: number, y: number) => void) => void) | undefined;
  serializeNodeWithId: (node: Node, options: Record<string, unknown>) => serializedNodeWithId | null;
}

declare module '@rrweb/record' {
  export const snagHooks: RrwebSeams;
}
