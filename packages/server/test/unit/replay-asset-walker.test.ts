import { describe, expect, it } from 'vitest';
import { mapCssUrls } from '../../src/assets/css-urls.js';
import { type AssetKind, mapReplayAssets } from '../../src/assets/replay-asset-walker.js';

const BASE = 'https://shop.example/catalog/';

describe('mapCssUrls', () => {
  it('finds imports, url()s and image-set strings, resolved against the stylesheet, and not those in comments', () => {
    const found: [string, string][] = [];
    const css = `@import "theme.css" screen;
/* background: url(commented.png) */
@font-face { font-family: X; src: url('../fonts/x.woff2') format("woff2"), url(data:font/woff2;base64,AA) }
.a { background: url(a.png) no-repeat, image-set("b.png" 1x, "b@2x.png" 2x); content: "url(not-a-ref.png)" }`;
    const out = mapCssUrls(css, BASE, (url, reference) => {
      found.push([reference, url]);
      return `kept:${url.split('/').pop()}`;
    });
    expect(found).toEqual([
      ['import', 'https://shop.example/catalog/theme.css'],
      ['font', 'https://shop.example/fonts/x.woff2'],
      ['url', 'https://shop.example/catalog/a.png'],
      ['url', 'https://shop.example/catalog/b.png'],
      ['url', 'https://shop.example/catalog/b@2x.png'],
    ]);
    expect(out).toContain('@import "kept:theme.css" screen');
    expect(out).toContain('url("kept:x.woff2")');
    expect(out).toContain('url(data:font/woff2;base64,AA)');
    expect(out).toContain('/* background: url(commented.png) */');
    expect(out).toContain('"url(not-a-ref.png)"');
  });

  it('leaves CSS that does not parse as it is', () => {
    expect(mapCssUrls('a { background: url(x.png', BASE, () => 'kept')).toBe('a { background: url(x.png');
  });
});

describe('mapReplayAssets', () => {
  it('rewrites what a rebuilt page loads — snapshot, added nodes, attribute changes, style diffs, rules — and not links', () => {
    const seen: [AssetKind, string][] = [];
    const events = [
      { type: 4, data: { href: 'https://shop.example/p/1' } },
      {
        type: 2,
        data: {
          node: {
            type: 0,
            childNodes: [
              { type: 2, id: 2, tagName: 'img', attributes: { src: 'hero.png', srcset: 'a.png 1x, b.png 2x' } },
              { type: 2, id: 3, tagName: 'a', attributes: { href: '/checkout' } },
              { type: 2, id: 4, tagName: 'link', attributes: { rel: 'preload', as: 'script', href: '/app.js' } },
              { type: 2, id: 5, tagName: 'use', attributes: { 'xlink:href': '/sprite.svg#cart' } },
            ],
          },
        },
      },
      {
        type: 3,
        data: {
          source: 0,
          adds: [
            { parentId: 1, node: { type: 2, id: 6, tagName: 'div', attributes: { style: 'background:url(/bg.png)' } } },
          ],
          attributes: [
            { id: 2, attributes: { src: '/hero-2.png' } },
            { id: 6, attributes: { style: { 'background-image': ['url("/bg-2.png")', ''] } } },
          ],
          texts: [],
        },
      },
      { type: 3, data: { source: 8, id: 9, adds: [{ rule: '.x{background:url(/rule.png)}', index: 0 }] } },
    ];
    mapReplayAssets(events, (url, kind) => {
      seen.push([kind, url]);
      return kind === 'other' ? 'blocked' : `kept(${new URL(url).pathname})`;
    });
    expect(seen).toEqual([
      ['image', 'https://shop.example/p/hero.png'],
      ['image', 'https://shop.example/p/a.png'],
      ['image', 'https://shop.example/p/b.png'],
      ['other', 'https://shop.example/app.js'],
      ['image', 'https://shop.example/sprite.svg'],
      ['image', 'https://shop.example/bg.png'],
      ['image', 'https://shop.example/hero-2.png'],
      ['image', 'https://shop.example/bg-2.png'],
      ['image', 'https://shop.example/rule.png'],
    ]);
    const text = JSON.stringify(events);
    expect(text).toContain('"srcset":"kept(/p/a.png) 1x, kept(/p/b.png) 2x"');
    expect(text).toContain('"href":"/checkout"');
    expect(text).toContain('"href":"blocked"');
    expect(text).toContain('"xlink:href":"kept(/sprite.svg)#cart"');
    expect(text).toContain('url(\\"kept(/bg-2.png)\\")');
    expect(text).toContain('.x{background:url(\\"kept(/rule.png)\\")}');
  });
});
