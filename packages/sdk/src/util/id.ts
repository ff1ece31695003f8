/**
 * A random URL-safe id of 128 bits: four random 32-bit words in base 36 (up to 28 characters).
 * Not `crypto.randomUUID()`, which exists only in secure contexts (pages on plain http have none).
 */
export function newId(): string {
  return Array.from(crypto.getRandomValues(new Uint32Array(4)), (word) => word.toString(36)).join('');
}
