import type { Properties } from '@snag/protocol';
import { MAX_LABEL_LENGTH, MAX_PROPERTIES, MAX_PROPERTY_VALUE_LENGTH } from '@snag/protocol/limits';

/** Keeps what the wire format accepts: at most 50 flat scalar properties, long strings cut. */
export function cleanProperties(input: unknown): Properties | undefined {
  if (!input || typeof input !== 'object') return undefined;
  const output: Properties = {};
  let count = 0;
  for (const [name, value] of Object.entries(input)) {
    if (count >= MAX_PROPERTIES) break;
    if (!name || name.length > MAX_LABEL_LENGTH) continue;
    if (typeof value === 'string') output[name] = value.slice(0, MAX_PROPERTY_VALUE_LENGTH);
    else if (typeof value === 'number' && Number.isFinite(value)) output[name] = value;
    else if (typeof value === 'boolean' || value === null) output[name] = value;
    else continue;
    count++;
  }
  return count > 0 ? output : undefined;
}
