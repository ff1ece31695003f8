import { describe, expect, it } from 'vitest';
import { jsonPieces } from '../src/recorder/json-pieces.js';

const collect = async (events: Array<{ type: number; data?: unknown }>) => {
  let text = '';
  for await (const piece of jsonPieces(events)) text += piece;
  return text;
};

/** A serialized document like rrweb's: nested elements, text with characters JSON must escape. */
function documentTree(rows: number) {
  let id = 1;
  const cell = (text: string) => ({
    type: 2,
    tagName: 'td',
    attributes: { class: 'c' },
    childNodes: [{ type: 3, textContent: text, id: id++ }],
    id: id++,
  });
  const body = {
    type: 2,
    tagName: 'tbody',
    attributes: {},
    childNodes: Array.from({ length: rows }, (_, row) => ({
      type: 2,
      tagName: 'tr',
      attributes: {},
      childNodes: [
        cell(`row ${row}`),
        cell('quote " backslash \\ newline \n é'),
        { type: 2, tagName: 'td', attributes: {}, childNodes: [], id: id++ },
      ],
      id: id++,
    })),
    id: id++,
  };
  return { type: 0, childNodes: [{ type: 1, name: 'html', publicId: '', systemId: '', id: id++ }, body], id: id++ };
}

describe('JSON of recorded events in pieces', () => {
  it('writes the same JSON as JSON.stringify, full snapshots included (child lists last)', async () => {
    const events = [
      { type: 4, timestamp: 1, data: { href: 'https://shop.test/', width: 800, height: 600 } },
      { type: 2, timestamp: 1, data: { node: documentTree(3_000), initialOffset: { left: 0, top: 10 } } },
      {
        type: 3,
        timestamp: 2,
        data: { source: 0, texts: [{ id: 5, value: 'x' }], adds: [], removes: [], attributes: [] },
      },
    ];
    expect(JSON.parse(await collect(events))).toEqual(events);
  });

  it('hands a large snapshot over in more than one piece', async () => {
    const events = [{ type: 2, timestamp: 1, data: { node: documentTree(5_000), initialOffset: { left: 0, top: 0 } } }];
    const pieces: string[] = [];
    for await (const piece of jsonPieces(events)) pieces.push(piece);
    expect(pieces.length).toBeGreaterThan(3);
    expect(JSON.parse(pieces.join(''))).toEqual(events);
  });

  it('writes an empty list', async () => {
    expect(await collect([])).toBe('[]');
  });
});
