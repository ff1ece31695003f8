/**
 * The URL with its query string reduced to the allow-listed parameters (none by
 * default) and without credentials; fragments are kept because SPAs route on them.
 */
export function scrubUrl(raw: string, allowQueryParams: readonly string[], base?: string): string {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return '';
  }
  url.username = '';
  url.password = '';
  const kept = new URLSearchParams();
  for (const name of allowQueryParams) {
    for (const value of url.searchParams.getAll(name)) kept.append(name, value);
  }
  url.search = kept.toString();
  return url.href;
}

/** Request URLs lose their query and fragment entirely: they often carry tokens. */
export function stripQuery(raw: string, base?: string): string {
  try {
    const url = new URL(raw, base);
    return url.origin + url.pathname;
  } catch {
    return '';
  }
}

/** URLs inside free text (stack traces, messages) lose their query and fragment; `:line:column` stays. */
export function stripQueriesInText(text: string): string {
  return text.replace(/(https?:\/\/[^\s?#()]+)[?#][^\s()]*?((?::\d+){0,2})(?=[\s()]|$)/g, '$1$2');
}
