import postcss, { type AtRule, type Declaration } from 'postcss';
import valueParser from 'postcss-value-parser';

/** `import`: a stylesheet; `font`: a url() inside @font-face; `url`: any other url() (an image). */
export type CssReference = 'import' | 'font' | 'url';

/**
 * Answers a URL found in CSS (absolute, resolved against the stylesheet): the URL to write
 * instead, or undefined to leave it as it is.
 */
export type CssUrlMapper = (absoluteUrl: string, reference: CssReference) => string | undefined;

const MIGHT_REFERENCE = /url\(|@import|image-set\(/i;

function resolve(raw: string, base: string | undefined): string | undefined {
  const trimmed = raw.trim();
  if (trimmed === '' || trimmed.startsWith('#') || /^(data|blob|about):/i.test(trimmed)) return undefined;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return undefined;
  }
}

/** Rewrites the url() (and image-set strings) of one declaration value; true when something changed. */
function mapValue(
  value: string,
  base: string | undefined,
  map: CssUrlMapper,
  reference: CssReference = 'url',
): string | undefined {
  if (!MIGHT_REFERENCE.test(value)) return undefined;
  const parsed = valueParser(value);
  let changed = false;
  const replace = (node: valueParser.Node): void => {
    if (node.type === 'function' && node.value.toLowerCase() === 'url') {
      const inner = node.nodes[0];
      const raw = inner ? inner.value : '';
      const absolute = resolve(raw, base);
      const next = absolute === undefined ? undefined : map(absolute, reference);
      if (next !== undefined) {
        node.nodes = [
          { type: 'string', value: next, quote: '"', sourceIndex: 0, sourceEndIndex: 0 } as valueParser.Node,
        ];
        changed = true;
      }
      return;
    }
    if (node.type === 'function' && /^(-webkit-)?image-set$/i.test(node.value)) {
      for (const child of node.nodes) {
        if (child.type === 'string') {
          const absolute = resolve(child.value, base);
          const next = absolute === undefined ? undefined : map(absolute, 'url');
          if (next !== undefined) {
            child.value = next;
            changed = true;
          }
        } else replace(child);
      }
      return;
    }
    if (node.type === 'function') node.nodes.forEach(replace);
  };
  parsed.nodes.forEach(replace);
  return changed ? parsed.toString() : undefined;
}

function mapImport(rule: AtRule, base: string | undefined, map: CssUrlMapper): void {
  const parsed = valueParser(rule.params);
  const first = parsed.nodes.find((node) => node.type !== 'space');
  if (!first) return;
  let raw: string | undefined;
  if (first.type === 'string') raw = first.value;
  else if (first.type === 'function' && first.value.toLowerCase() === 'url') raw = first.nodes[0]?.value;
  const absolute = raw === undefined ? undefined : resolve(raw, base);
  const next = absolute === undefined ? undefined : map(absolute, 'import');
  if (next === undefined) return;
  const index = parsed.nodes.indexOf(first);
  parsed.nodes[index] = {
    type: 'string',
    value: next,
    quote: '"',
    sourceIndex: 0,
    sourceEndIndex: 0,
  } as valueParser.Node;
  rule.params = parsed.toString();
}

/**
 * Every URL a stylesheet loads (`@import`, `url()` in any declaration, `image-set()`),
 * resolved against `base`, passed to `map` and replaced by its answer. Parsed with
 * postcss, so URLs in comments or in strings that are not url() are left alone; CSS that
 * does not parse is returned unchanged (and `map` is never called).
 */
export function mapCssUrls(css: string, base: string | undefined, map: CssUrlMapper): string {
  if (!MIGHT_REFERENCE.test(css)) return css;
  let root: postcss.Root;
  try {
    root = postcss.parse(css);
  } catch {
    return css;
  }
  root.walk((node) => {
    if (node.type === 'atrule' && node.name.toLowerCase() === 'import') mapImport(node, base, map);
    else if (node.type === 'decl') {
      const declaration = node as Declaration;
      const parent = declaration.parent;
      const inFontFace = parent?.type === 'atrule' && (parent as AtRule).name.toLowerCase() === 'font-face';
      const next = mapValue(declaration.value, base, map, inFontFace ? 'font' : 'url');
      if (next !== undefined) declaration.value = next;
    }
  });
  return root.toString();
}

/** The same for a `style` attribute or one declaration value (`background: url(a.png)`). */
export function mapStyleAttribute(style: string, base: string | undefined, map: CssUrlMapper): string {
  if (!MIGHT_REFERENCE.test(style)) return style;
  const wrapped = mapCssUrls(`x{${style}}`, base, map);
  return wrapped.startsWith('x{') && wrapped.endsWith('}') ? wrapped.slice(2, -1) : style;
}

export function mapDeclarationValue(value: string, base: string | undefined, map: CssUrlMapper): string {
  return mapValue(value, base, map) ?? value;
}
