import { ASSET_REPORT_TAG } from './constants.js';
import { type CssReference, mapCssUrls, mapDeclarationValue, mapStyleAttribute } from './css-urls.js';

/** What a URL in a recording loads: kept kinds, or `other` (media, frames, preloads), never loaded by a replay. */
export type AssetKind = 'stylesheet' | 'font' | 'image' | 'other';

/** Answers a URL the rebuilt page would load: what to write instead, or undefined to leave it. */
export type AssetMapper = (absoluteUrl: string, kind: AssetKind) => string | undefined;

// rrweb's numbers (EventType, IncrementalSource, NodeType), named.
const RRWEB_FULL_SNAPSHOT = 2;
const RRWEB_INCREMENTAL = 3;
const RRWEB_META = 4;
const RRWEB_CUSTOM = 5;
const SOURCE_MUTATION = 0;
const SOURCE_STYLE_SHEET_RULE = 8;
const SOURCE_STYLE_DECLARATION = 13;
const SOURCE_ADOPTED_STYLE_SHEET = 15;
const NODE_ELEMENT = 2;
const NODE_TEXT = 3;

type Attributes = Record<string, unknown>;
interface SerializedNode {
  type?: number;
  id?: number;
  tagName?: string;
  attributes?: Attributes;
  childNodes?: SerializedNode[];
  textContent?: string;
  isStyle?: boolean;
}
interface RecordedLike {
  type: number;
  data?: unknown;
}

const CSS_KIND: Record<CssReference, AssetKind> = { import: 'stylesheet', font: 'font', url: 'image' };
const STYLESHEET_REL = /(^|\s)stylesheet(\s|$)/i;
const ICON_REL = /(^|\s)(icon|apple-touch-icon|apple-touch-icon-precomposed|mask-icon)(\s|$)/i;

/**
 * Walks a recording's rrweb events and hands `map` every URL the rebuilt page would
 * load — link and style elements (and rrweb's inlined `_cssText`), `style` attributes,
 * images and `srcset`, `<picture>` sources, posters, SVG `href`s, CSS rules added later,
 * adopted stylesheets — replacing each with `map`'s answer, in place. Also reports the
 * assets the SDK listed in its `snag-assets` custom events (not rendered, so not replaced).
 */
export function mapReplayAssets(events: readonly RecordedLike[], map: AssetMapper): void {
  assetWalker(map).visit(events);
}

/** The same for a recording that arrives in chunks: what one chunk declares (page URL, style elements) holds for the next. */
export function assetWalker(map: AssetMapper): { visit(events: readonly RecordedLike[]): void } {
  const walker = new Walker(map);
  return {
    visit(events) {
      for (const event of events) walker.visitEvent(event);
    },
  };
}

class Walker {
  private base: string | undefined;
  private readonly tags = new Map<number, string>();
  private readonly styleTexts = new Set<number>();

  constructor(private readonly map: AssetMapper) {}

  visitEvent(event: RecordedLike): void {
    const data = (event.data ?? {}) as Record<string, unknown>;
    if (event.type === RRWEB_META && typeof data.href === 'string') this.base = data.href;
    else if (event.type === RRWEB_FULL_SNAPSHOT) this.visitNode(data.node as SerializedNode | undefined, false);
    else if (event.type === RRWEB_CUSTOM && data.tag === ASSET_REPORT_TAG) this.visitReport(data.payload);
    else if (event.type === RRWEB_INCREMENTAL) this.visitIncremental(data);
  }

  private url(raw: unknown, kind: AssetKind | undefined): string | undefined {
    if (typeof raw !== 'string' || kind === undefined) return undefined;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#') || /^(data|blob|about|javascript):/i.test(trimmed)) return undefined;
    let absolute: URL;
    try {
      absolute = new URL(trimmed, this.base);
    } catch {
      return undefined;
    }
    // The fragment (an SVG sprite's symbol) is not part of what is fetched; it is kept on the answer.
    const fragment = absolute.hash;
    absolute.hash = '';
    const answer = this.map(absolute.href, kind);
    return answer === undefined ? undefined : `${answer}${answer.includes('#') ? '' : fragment}`;
  }

  private css(text: unknown): string | undefined {
    if (typeof text !== 'string') return undefined;
    const mapped = mapCssUrls(text, this.base, (url, reference) => this.url(url, CSS_KIND[reference]));
    return mapped === text ? undefined : mapped;
  }

  private srcset(value: unknown): string | undefined {
    if (typeof value !== 'string') return undefined;
    let changed = false;
    const candidates = value.split(/,\s+|,(?=\S+\s)/).map((candidate) => {
      const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
      const next = this.url(url, 'image');
      if (next === undefined) return candidate.trim();
      changed = true;
      return [next, ...descriptor].join(' ');
    });
    return changed ? candidates.join(', ') : undefined;
  }

  private set(attributes: Attributes, name: string, value: string | undefined): void {
    if (value !== undefined) attributes[name] = value;
  }

  private visitAttributes(tag: string, attributes: Attributes): void {
    for (const name of Object.keys(attributes)) {
      const value = attributes[name];
      const lower = name.toLowerCase();
      if (lower === 'style' && typeof value === 'string') {
        const mapped = mapStyleAttribute(value, this.base, (url, reference) => this.url(url, CSS_KIND[reference]));
        if (mapped !== value) attributes[name] = mapped;
      } else if (lower === 'style' && value && typeof value === 'object') {
        this.visitStyleDiff(value as Record<string, unknown>);
      } else if (lower === '_csstext') {
        this.set(attributes, name, this.css(value));
      } else if (lower === 'srcset') {
        this.set(attributes, name, this.srcset(value));
      } else if (lower === 'background' || lower === 'poster') {
        this.set(attributes, name, this.url(value, 'image'));
      } else if (lower === 'src' || lower === 'href' || lower === 'xlink:href' || lower === 'data') {
        this.set(attributes, name, this.url(value, this.kindOf(tag, lower, attributes)));
      }
    }
  }

  /** What loading the attribute's URL fetches; undefined for links and forms, which load nothing by themselves. */
  private kindOf(tag: string, attribute: string, attributes: Attributes): AssetKind | undefined {
    if (tag === 'a' || tag === 'area' || tag === 'base' || tag === 'form') return undefined;
    if (tag === 'link') {
      const rel = String(attributes.rel ?? '');
      if (STYLESHEET_REL.test(rel)) return 'stylesheet';
      if (ICON_REL.test(rel)) return 'image';
      return 'other';
    }
    if (tag === 'img' || tag === 'image' || tag === 'feimage' || tag === 'use') return 'image';
    if (tag === 'input' && attribute === 'src') return 'image';
    return 'other';
  }

  private visitStyleDiff(diff: Record<string, unknown>): void {
    for (const [property, entry] of Object.entries(diff)) {
      const mapValue = (value: unknown) =>
        typeof value === 'string'
          ? mapDeclarationValue(value, this.base, (url, reference) => this.url(url, CSS_KIND[reference]))
          : value;
      if (Array.isArray(entry)) entry[0] = mapValue(entry[0]);
      else diff[property] = mapValue(entry);
    }
  }

  private visitNode(node: SerializedNode | undefined, insideStyle: boolean): void {
    if (!node || typeof node !== 'object') return;
    if (node.type === NODE_ELEMENT && node.attributes) {
      const tag = String(node.tagName ?? '').toLowerCase();
      if (typeof node.id === 'number') this.tags.set(node.id, tag);
      this.visitAttributes(tag, node.attributes);
      for (const child of node.childNodes ?? []) this.visitNode(child, tag === 'style');
      return;
    }
    if (node.type === NODE_TEXT && (node.isStyle || insideStyle)) {
      if (typeof node.id === 'number') this.styleTexts.add(node.id);
      const mapped = this.css(node.textContent);
      if (mapped !== undefined) node.textContent = mapped;
      return;
    }
    for (const child of node.childNodes ?? []) this.visitNode(child, false);
  }

  private visitIncremental(data: Record<string, unknown>): void {
    if (data.source === SOURCE_MUTATION) {
      for (const add of (data.adds ?? []) as { parentId?: number; node?: SerializedNode }[]) {
        const parentIsStyle = add.parentId !== undefined && this.tags.get(add.parentId) === 'style';
        this.visitNode(add.node, parentIsStyle);
      }
      for (const change of (data.attributes ?? []) as { id?: number; attributes?: Attributes }[]) {
        if (change.attributes) this.visitAttributes(this.tags.get(change.id ?? -1) ?? '', change.attributes);
      }
      for (const text of (data.texts ?? []) as { id?: number; value?: unknown }[]) {
        if (this.styleTexts.has(text.id ?? -1)) {
          const mapped = this.css(text.value);
          if (mapped !== undefined) text.value = mapped;
        }
      }
    } else if (data.source === SOURCE_STYLE_SHEET_RULE) {
      for (const add of (data.adds ?? []) as { rule?: unknown }[]) {
        const mapped = this.css(add.rule);
        if (mapped !== undefined) add.rule = mapped;
      }
    } else if (data.source === SOURCE_STYLE_DECLARATION) {
      const set = data.set as { value?: unknown } | undefined;
      if (set && typeof set.value === 'string') {
        set.value = mapDeclarationValue(set.value, this.base, (url, reference) => this.url(url, CSS_KIND[reference]));
      }
    } else if (data.source === SOURCE_ADOPTED_STYLE_SHEET) {
      for (const style of (data.styles ?? []) as { rules?: { rule?: unknown }[] }[]) {
        for (const rule of style.rules ?? []) {
          const mapped = this.css(rule.rule);
          if (mapped !== undefined) rule.rule = mapped;
        }
      }
    }
  }

  private visitReport(payload: unknown): void {
    const assets = (payload as { assets?: unknown } | undefined)?.assets;
    if (!Array.isArray(assets)) return;
    for (const asset of assets.slice(0, 1_000) as { url?: unknown; kind?: unknown }[]) {
      const kind = asset.kind === 'stylesheet' || asset.kind === 'font' ? asset.kind : 'image';
      this.url(asset.url, kind);
    }
  }
}
