/** Controls; `tabindex="-1"` only lets a script focus an element (a carousel slide, a dialog), so it is not one. */
const ACTIONABLE =
  'a,button,summary,label,input,select,textarea,[role=button],[role=link],[role=tab],[role=menuitem],[role=option],[role=checkbox],[role=switch],[tabindex]:not([tabindex="-1"])';
/** Surfaces where clicking is how you edit: never rage, never dead. */
const TEXT_SURFACE =
  'select,textarea,input:not([type=button],[type=submit],[type=reset],[type=checkbox],[type=radio],[type=image])';
/** Links that leave the page, open a tab or download: the reaction happens elsewhere. */
const LEAVING_LINK = 'a[href]:not([href^="#"],[href^="javascript:"])';

/** What a click is about: the nearest actionable ancestor, else the outermost `cursor: pointer` one, else null. */
export function actionableTarget(target: Element): Element | null {
  const hit = target.closest(ACTIONABLE);
  if (hit) return hit;
  let found: Element | null = null;
  for (let node: Element | null = target; node && node !== document.body; node = node.parentElement) {
    if (getComputedStyle(node).cursor === 'pointer') found = node;
    else if (found) break;
  }
  return found;
}

export function isTextSurface(element: Element): boolean {
  return element.matches(TEXT_SURFACE) || (element as HTMLElement).isContentEditable;
}

export function isLeavingLink(element: Element): boolean {
  return element.matches(LEAVING_LINK);
}

/** The ancestor within which a reaction counts as the element's own (a stepper's value, a carousel's slides). */
export function nearRoot(element: Element, levels: number): Element {
  let root = element;
  for (let i = 0; i < levels && root.parentElement && root.parentElement !== document.body; i++) {
    root = root.parentElement;
  }
  return root;
}
