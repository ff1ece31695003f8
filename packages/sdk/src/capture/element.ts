import type { ElementDescription } from '@snag/protocol';
import { MAX_ELEMENT_TEXT_LENGTH, MAX_LABEL_LENGTH, MAX_SELECTOR_LENGTH } from '@snag/protocol/limits';
import { SELECTOR_MAX_CLASSES, SELECTOR_MAX_DEPTH } from '../constants.js';
import { maskText, within } from '../privacy/mask.js';
import { cut, nameOf, roleOf } from './accessible-name.js';

const INTERACTIVE = 'a,button,input,select,textarea,label,summary,[role],[onclick],[tabindex],[data-testid]';
const TEST_ID_ATTRIBUTES = ['data-testid', 'data-test-id', 'data-test', 'data-cy'];
/**
 * Ids and classes that look generated (framework counters, CSS-in-JS hashes, Mantine's random
 * `mantine-` + 9 base-36 characters, React 19's `_r_1_` inside another id) change between renders.
 */
const GENERATED = /\d{3,}|^[:_]|[:]|_r_|^css-|^sc-|^jsx-|^mantine-[a-z\d]{9}\b|[A-Za-z]+[0-9][A-Za-z0-9]{4,}/;

/** The element a click is really about: the nearest interactive ancestor, else the target itself. */
export function clickTarget(target: Element): Element {
  return target.closest(INTERACTIVE) ?? target;
}

/**
 * A short, stable description: selector, tag, what a person sees (masked text, accessible name,
 * role) and the attributes that identify it. Inside a masked region the text and name are masked.
 */
export function describeElement(element: Element, maskSelector: string): ElementDescription {
  const tag = element.tagName.toLowerCase();
  const description: ElementDescription = { selector: selectorOf(element).slice(0, MAX_SELECTOR_LENGTH), tag };
  const masked = within(element, maskSelector);
  const raw = visibleText(element);
  const text = cut(raw, MAX_ELEMENT_TEXT_LENGTH);
  const label = element.getAttribute('aria-label');
  const name = nameOf(element, raw, label);
  if (text) description.text = masked ? maskText(text) : text;
  if (name) description.name = masked ? maskText(name) : name;
  const testId = firstAttribute(element, TEST_ID_ATTRIBUTES);
  if (testId) description.test_id = testId[1].slice(0, MAX_LABEL_LENGTH);
  if (label) description.aria_label = label.slice(0, MAX_LABEL_LENGTH);
  const role = roleOf(element);
  if (role) description.role = role.slice(0, 32);
  return description;
}

/** The text a person reads on the element; form fields never contribute their value, `<input>` buttons keep their label. */
function visibleText(element: Element): string {
  if (element instanceof HTMLInputElement) {
    return element.type === 'button' || element.type === 'submit' ? element.value : '';
  }
  return element.matches('select,textarea') ? '' : (element.textContent ?? '');
}

/** The first of these attributes that has a value, with its value. */
function firstAttribute(element: Element, names: string[]): [name: string, value: string] | undefined {
  for (const name of names) {
    const value = element.getAttribute(name);
    if (value) return [name, value];
  }
  return undefined;
}

/** Walks up at most a few levels, stopping at the first unique anchor (id or test id). */
export function selectorOf(element: Element): string {
  const parts: string[] = [];
  let current: Element | null = element;
  for (let depth = 0; current && depth < SELECTOR_MAX_DEPTH; depth++) {
    const { part, unique } = segment(current);
    parts.unshift(part);
    if (unique || current.tagName === 'BODY' || matchesOnlyOne(parts.join(' > '))) break;
    current = current.parentElement;
  }
  return parts.join(' > ');
}

function matchesOnlyOne(selector: string): boolean {
  try {
    return document.querySelectorAll(selector).length === 1;
  } catch {
    return false;
  }
}

function segment(element: Element): { part: string; unique: boolean } {
  const tag = element.tagName.toLowerCase();
  if (element.id && !GENERATED.test(element.id)) return { part: `#${CSS.escape(element.id)}`, unique: true };
  const testId = firstAttribute(element, TEST_ID_ATTRIBUTES);
  if (testId) return { part: attributeSelector(testId), unique: true };
  const label = firstAttribute(element, ['aria-label', 'name', 'role']);
  if (label) return { part: tag + attributeSelector(label), unique: false };
  const classes = [...element.classList].filter((name) => !GENERATED.test(name)).slice(0, SELECTOR_MAX_CLASSES);
  const base = tag + classes.map((name) => `.${CSS.escape(name)}`).join('');
  return { part: base + nthOfType(element, base), unique: false };
}

/** Position among siblings matching the same segment, only when it is needed to tell them apart. */
function nthOfType(element: Element, base: string): string {
  const parent = element.parentElement;
  if (!parent) return '';
  const same = [...parent.children].filter((sibling) => sibling.matches(base));
  if (same.length < 2) return '';
  const sameTag = [...parent.children].filter((sibling) => sibling.tagName === element.tagName);
  return `:nth-of-type(${sameTag.indexOf(element) + 1})`;
}

function attributeSelector([name, value]: [string, string]): string {
  return `[${name}="${value.slice(0, 64).replace(/["\\]/g, '\\$&')}"]`;
}
