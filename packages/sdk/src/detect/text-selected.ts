import { isTextSurface } from './actionable.js';

/**
 * Whether some text of the page is selected. Reading a selection (`type`, `isCollapsed`, even its ends) lays
 * the page out when it changed since the last frame: 60-400 ms on a large page with pending changes, at every
 * keystroke, since typing fires `selectionchange`. A selection inside a focused field is none of the page's text,
 * so it is not read at all; elsewhere the range's own text is read from the DOM (its ends alone can differ with no
 * text between them: a triple-click on an empty block reaches into the next one, which `type` calls a caret).
 */
export function textSelected(): boolean {
  const active = document.activeElement;
  if (active && isTextSurface(active)) return false;
  const selection = getSelection();
  return !!selection?.rangeCount && selection.getRangeAt(0).toString().trim() !== '';
}
