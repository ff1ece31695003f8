/** Random bytes per id: base 36 carries about 5.2 bits each, so an id has about 124 bits. */
const ID_LENGTH = 24;

/** A random 24-character id of lower-case letters and digits (about 124 bits), URL-safe. */
export function newId(): string {
  let id = '';
  for (const byte of crypto.getRandomValues(new Uint8Array(ID_LENGTH))) id += (byte % 36).toString(36);
  return id;
}
