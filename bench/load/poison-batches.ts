import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/**
 * Batches that once stalled ingest or could (Trust II, finding 1), one per shape. Each is
 * valid JSON that a script can send with a project's public key; bodies are built as text
 * because the deep ones would overflow JSON.stringify's stack.
 */

export interface PoisonBatch {
  shape: string;
  sessionId: string;
  /** The JSON body, uncompressed. */
  json: string;
}

const ATTACK_PAGE_VIEWS = 150;
const ORDINARY_PAGE_VIEWS = 20;
const NESTING_DEPTH = 200_000;
const YEAR_2020_MS = Date.UTC(2020, 0, 1);
const YEAR_2099_MS = Date.UTC(2099, 0, 1);
const END_OF_2099_MS = Date.UTC(2099, 11, 31);
const DEEP = '__deep__';
/** What the SDK keeps of a button's text: 60 UTF-16 units (MAX_ELEMENT_TEXT_LENGTH). */
const ELEMENT_TEXT_UNITS = 60;

type Shape = (now: number) => { sentAt: number; events: object[] };

const page = (t: number, i: number) => ({
  id: randomUUID(),
  t,
  type: 'page',
  page_id: `poison-page-${i}`,
  url: 'https://shop.example/archive',
  navigation: 'navigate',
  viewport: { width: 1280, height: 800 },
});
const pages = (count: number, t: (i: number) => number) => Array.from({ length: count }, (_, i) => page(t(i), i));
const replay = (now: number, fields: object) => ({
  id: randomUUID(),
  t: now,
  type: 'replay',
  page_id: 'poison-page-0',
  url: 'https://shop.example/archive',
  seq: 0,
  full_snapshot: false,
  ...fields,
});
/** One rrweb event whose data is nested NESTING_DEPTH arrays deep (a placeholder until `expand`). */
const deepRrweb = (now: number) => [{ type: 3, timestamp: now, data: DEEP }];
const expand = (json: string) => json.replace(`"${DEEP}"`, `${'['.repeat(NESTING_DEPTH)}${']'.repeat(NESTING_DEPTH)}`);

/** The shape the server now repairs (the lone surrogate becomes U+FFFD): acknowledged and stored, not a dead letter. */
export const REPAIRED_SHAPE = 'g: element text ending in half an emoji';
/** Events in a batch of the repaired shape. */
export const REPAIRED_SHAPE_EVENTS = 2;

export const POISON_SHAPES: Record<string, Shape> = {
  'a: 150 page views, one a month from 2020': (now) => ({
    sentAt: now,
    events: pages(ATTACK_PAGE_VIEWS, (i) => Date.UTC(2020, 1 + i, 1)),
  }),
  'b: sent_at 2020, t end of 2099': () => ({
    sentAt: YEAR_2020_MS,
    events: pages(ORDINARY_PAGE_VIEWS, () => END_OF_2099_MS),
  }),
  'c: t 2099, sent_at now': (now) => ({ sentAt: now, events: pages(ORDINARY_PAGE_VIEWS, () => YEAR_2099_MS) }),
  'd: sent_at 2099, t now': (now) => ({ sentAt: YEAR_2099_MS, events: pages(ORDINARY_PAGE_VIEWS, () => now) }),
  'e: inline replay nested 200,000 deep': (now) => ({
    sentAt: now,
    events: [replay(now, { encoding: 'json', events: deepRrweb(now) })],
  }),
  'f: gzip-base64 replay nested 200,000 deep': (now) => ({
    sentAt: now,
    events: [
      replay(now, {
        encoding: 'gzip-base64',
        data: gzipSync(expand(JSON.stringify(deepRrweb(now)))).toString('base64'),
      }),
    ],
  }),
  // Valid to the schema, and refused by ClickHouse (CANNOT_PARSE_ESCAPE_SEQUENCE) until the
  // server replaced lone surrogates: the SDK's `text.slice(0, 60)` cuts an emoji on the 60th
  // unit in half. Now it must be stored whole.
  [REPAIRED_SHAPE]: (now) => ({
    sentAt: now,
    events: [
      page(now, 0),
      {
        id: randomUUID(),
        t: now,
        type: 'click',
        page_id: 'poison-page-0',
        url: 'https://shop.example/archive',
        element: { selector: '#buy', tag: 'button', text: `${'A'.repeat(59)}🛒`.slice(0, ELEMENT_TEXT_UNITS) },
        x: 10,
        y: 10,
      },
    ],
  }),
};

/** The `n`-th poison batch: the shapes in turn. */
export function makePoisonBatch(n: number, now = Date.now()): PoisonBatch {
  const shapes = Object.entries(POISON_SHAPES);
  const [shape, make] = shapes[n % shapes.length] as [string, Shape];
  const sessionId = `poison-${randomUUID()}`;
  const { sentAt, events } = make(now);
  const batch = {
    v: 1,
    sdk: { name: 'curl', version: '1' },
    sent_at: sentAt,
    session: { id: sessionId, anonymous_id: 'anon-poison' },
    events,
  };
  return { shape, sessionId, json: expand(JSON.stringify(batch)) };
}
