/**
 * SQL pieces shared by the report queries. They are static text (no values);
 * values always travel as `{name:Type}` query parameters.
 */

/**
 * How an element is identified across releases and layout changes: its test id when
 * it has one, else its ARIA label, else its selector. Page-level signals have none ('').
 */
export const ELEMENT_KEY_SQL = `multiIf(
    element_test_id != '', concat('[data-testid="', element_test_id, '"]'),
    element_aria_label != '', concat(element_tag, '[aria-label="', element_aria_label, '"]'),
    element_selector)`;

/** The person behind a session: the identified user, else the anonymous browser id. */
export const PERSON_SQL = "if(user_id != '', user_id, anonymous_id)";

/** A page filter that accepts a concrete path or a path pattern. */
export const PATH_FILTER_SQL = '(path_pattern = {path:String} OR path = {path:String})';

/** The report window, half-open, as Unix ms parameters. */
export const RANGE_SQL =
  "time >= fromUnixTimestamp64Milli({from:Int64}, 'UTC') AND time < fromUnixTimestamp64Milli({to:Int64}, 'UTC')";

/** ClickHouse settings for report reads: plain JSON numbers for counts. */
export const READ_SETTINGS = { output_format_json_quote_64bit_integers: 0 } as const;

/** Which optional filters a request set, by name. */
export type PresentFilters = Partial<Record<string, boolean>>;

export function presentFilters(filters: object): PresentFilters {
  return Object.fromEntries(Object.entries(filters).map(([name, value]) => [name, value !== undefined]));
}

/**
 * A filter's condition when the request set it, else no condition at all. Leaving
 * unused filters out of the SQL (rather than `{any:Bool} OR …`) keeps them out of
 * PREWHERE, so ClickHouse reads only the columns a query really filters on.
 */
export function when(present: boolean | undefined, condition: string): string {
  return present ? `(${condition})` : '1';
}
