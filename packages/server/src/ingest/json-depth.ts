import { MAX_JSON_DEPTH } from '@snag/protocol';
import { HttpError } from '../http/errors.js';

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Refuses JSON nested deeper than `maxDepth` before anything recursive (JSON.parse,
 * validation, scrubbing, JSON.stringify) sees it: one pass over the bytes, skipping
 * strings, without building anything. Invalid JSON passes through to the parser,
 * which says what is wrong with it.
 */
export function checkJsonDepth(json: Buffer, path: string, maxDepth = MAX_JSON_DEPTH): void {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < json.length; index++) {
    const byte = json[index];
    if (inString) {
      if (byte === BACKSLASH) index++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      if (++depth > maxDepth) {
        throw new HttpError(400, 'too_deep', `${path || 'body'}: JSON nested deeper than ${maxDepth} levels`, {
          path,
        });
      }
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) depth--;
  }
}
