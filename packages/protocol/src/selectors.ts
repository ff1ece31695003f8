import { MAX_SETTINGS_SELECTOR_LENGTH } from './limits.js';

/**
 * Why a CSS selector cannot be right, or undefined when it is plausible: not empty, short, one
 * selector list without rules (`{`, `}`, `;`), brackets, parentheses and quotes balanced, no
 * combinator or comma at either end and no empty part. The browser has the last word: the SDK
 * drops a selector `querySelector` refuses.
 */
export function selectorProblem(selector: string): string | undefined {
  const text = selector.trim();
  if (!text) return 'is empty';
  if (text.length > MAX_SETTINGS_SELECTOR_LENGTH) return `is longer than ${MAX_SETTINGS_SELECTOR_LENGTH} characters`;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[{};<\u0000-\u001f\u007f]/.test(text)) return 'may not contain "{", "}", ";", "<" or control characters';
  if (/^[>+~,]|[>+~,]$/.test(text) || /,\s*,/.test(text)) return 'has a combinator or comma with nothing beside it';
  const open: string[] = [];
  let quote = '';
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    if (char === '\\') index++;
    else if (quote) quote = char === quote ? '' : quote;
    else if (char === '"' || char === "'") quote = char;
    else if (char === '[' || char === '(') open.push(char === '[' ? ']' : ')');
    else if ((char === ']' || char === ')') && open.pop() !== char) return `has an unmatched "${char}"`;
  }
  if (quote) return 'has an unclosed quote';
  if (open.length > 0) return `misses a closing "${open[open.length - 1]}"`;
  return undefined;
}
