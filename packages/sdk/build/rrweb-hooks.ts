import { readFile } from 'node:fs/promises';
import type { Options } from 'tsup';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

/**
 * Opens seams in the pinned @rrweb/record bundle (2.1.6) at build time, so the recorder can
 * use rrweb's own serializer, mirror and id counter instead of shipping a second copy:
 * - the full snapshot goes through `snagHooks.snapshot` (the recorder takes it in slices);
 * - every mutation observer callback goes through `snagHooks.mutations` (coalesced per frame);
 * - scroll positions are read through `snagHooks.scrollOf` (where the layout is clean), and the full
 *   snapshot's initial offset is left to the sliced snapshot.
 * The recorder sets `snapshot` and `scrollOf` before every `record()`.
 * `serializeNodeWithId` is exported next to them. A build against another rrweb fails here loudly.
 */
const SEAMS: Array<[string | RegExp, string]> = [
  ['const node = snapshot(document, {', 'const node = snagHooks.snapshot(document, {'],
  [
    'callbackWrapper(mutationBuffer.processMutations.bind(mutationBuffer))',
    'callbackWrapper(snagHooks.mutations(mutationBuffer.processMutations.bind(mutationBuffer)))',
  ],
  // Scroll positions are read where the layout is clean (snagHooks.scrollOf): read in the scroll event, they
  // lay out whatever the page changed since its last frame, inside rrweb's handler.
  [
    /if \(target === doc && doc\.defaultView\) \{\n\s*const scrollLeftTop = getWindowScroll\(doc\.defaultView\);[\s\S]*?y: target\.scrollTop\n\s*\}\);\n\s*\}/,
    'snagHooks.scrollOf(target, doc, (x, y) => scrollCb({ id, x, y }));',
  ],
  // Reading a selection (isCollapsed, type, even its ends) lays the page out when it changed since the last
  // frame, and typing fires selectionchange at every keystroke. A selection inside a focused text field is not
  // in the DOM (rrweb would record the field's position), so it is not read there while nothing is shown
  // selected; elsewhere whether it is collapsed is read from its two ends.
  [
    'collapsed && (selection == null ? void 0 : selection.isCollapsed)) return;',
    'collapsed && (/^(INPUT|TEXTAREA)$/.test(doc.activeElement?.tagName) || selection.anchorNode === selection.focusNode && selection.anchorOffset === selection.focusOffset)) return;',
  ],
  [
    'collapsed = selection.isCollapsed || false;',
    'collapsed = selection.anchorNode === selection.focusNode && selection.anchorOffset === selection.focusOffset;',
  ],
  // The selection at start is read once the next frame is laid out, through the scroll seam (which reads there
  // and then calls back): read at once, it laid out the whole page inside the recorder's start (73 ms measured
  // on the stress page).
  [
    '  updateSelection();\n  return on("selectionchange", updateSelection);',
    '  snagHooks.scrollOf(doc, doc, updateSelection);\n  return on("selectionchange", updateSelection);',
  ],
  // rrweb lists two Element methods among the accessors it checks for patching, so the check always failed and
  // every recording started by adding (and removing) an iframe in the page's body: the page's own observers,
  // and Snag's reaction watcher, saw the body change a moment after start (rrweb PR #1802 moves them).
  [
    'Element: ["shadowRoot", "querySelector", "querySelectorAll"],\n  MutationObserver: []',
    'Element: ["shadowRoot"],\n  MutationObserver: []',
  ],
  [
    'Element: [],\n  MutationObserver: ["constructor"]',
    'Element: ["querySelector", "querySelectorAll"],\n  MutationObserver: ["constructor"]',
  ],
  // On pages whose prototypes are patched (Angular's zone.js) the iframe is still needed: in the head, which no
  // one reads as content (Snag's reaction watcher skips it).
  [
    'iframeEl.style.display = "none";\n    document.body.appendChild(iframeEl);',
    'iframeEl.style.display = "none";\n    document.head.appendChild(iframeEl);',
  ],
  // The full snapshot's initial offset: the sliced snapshot reads its own after a frame (rrweb's event is dropped).
  ['initialOffset: getWindowScroll(window)', 'initialOffset: { left: 0, top: 0 }'],
  // During a sliced snapshot a node added before a sibling the walk has not reached is left to the walk;
  // rrweb would warn about it in the host page's console every time.
  [/console\.warn\(\s*"Couldn't record new node\. Couldn't find mirror id for nextSibling:",\s*nextSibling2\s*\);/, ''],
  // Snag writes its custom events itself and never freezes the page: two unused methods (and their messages).
  [/record\.addCustomEvent = [\s\S]*?\nrecord\.takeFullSnapshot = /, 'record.takeFullSnapshot = '],
  // Snag never records canvas (recordCanvas: false): the canvas observers are never started, and their
  // code (2D and WebGL patching, the snapshot worker) is left out of the bundle.
  [/ {4}if \(recordCanvas && sampling === "all"\)\n[\s\S]*?\n {2}\}\n {2}reset\(\) \{/, '  }\n  reset() {'],
  [
    / {2}initCanvasFPSObserver\(fps, win, blockClass, blockSelector, options\) \{[\s\S]*?\n {2}startPendingCanvasMutationFlusher\(\) \{/,
    '  startPendingCanvasMutationFlusher() {',
  ],
  [/const jsContent = '.*';\n/, "const jsContent = '';\n"],
  // Snag never records cross-origin iframes (recordCrossOriginIframes: false): the code that rewrites
  // their forwarded events is never reached.
  [
    / {2}handleMessage\(message\) \{[\s\S]*?\n\}\nclass ShadowDomManager \{/,
    '  handleMessage() {\n  }\n}\nclass ShadowDomManager {',
  ],
  // Snag passes rrweb no hooks: wrapping every callback to call none is left out.
  [/function mergeHooks\(o, hooks\) \{[\s\S]*?\n\}\n/, 'function mergeHooks() {\n}\n'],
  // Snag never collects fonts (collectFonts: false; the server keeps them from the stylesheets).
  ['      fontObserver = initFontObserver(o);\n', ''],
  // Snag never inlines canvas pixels or images into the snapshot (recordCanvas and inlineImages false;
  // the server keeps images as assets): the serializer's branches that draw them to a data URL go.
  [
    / {2}if \(tagName === "canvas" && recordCanvas\) \{\n[\s\S]*?\n {2}if \(tagName === "img" && inlineImages\) \{\n[\s\S]*?\n {2}\}\n(?= {2}if \(\["audio", "video"\]\.includes\(tagName\)\) \{)/,
    '',
  ],
];

const EXPORTS = `
export const snagHooks = {
  snapshot: undefined,
  mutations: (process) => process,
  scrollOf: undefined,
  serializeNodeWithId,
};
`;

export const rrwebHooks: Plugin = {
  name: 'snag-rrweb-hooks',
  setup(build) {
    build.onLoad({ filter: /@rrweb[\\/]record[\\/]dist[\\/]record\.js$/ }, async (args) => {
      let contents = await readFile(args.path, 'utf8');
      for (const [from, to] of SEAMS) {
        const found = typeof from === 'string' ? contents.split(from).length - 1 : (contents.match(from) ?? []).length;
        if (found !== 1) throw new Error(`rrweb-hooks: expected one "${from}" in ${args.path}, found ${found}`);
        contents = contents.replace(from, to);
      }
      return { contents: contents + EXPORTS, loader: 'js' };
    });
  },
};
