import { when } from './sql-fragments.js';
import type { TimeRange } from './time-range.js';

export interface AnswerFilters {
  range: TimeRange;
  /** A path or a path pattern. */
  path?: string | undefined;
  kind?: string | undefined;
  release?: string | undefined;
}

/** The WHERE conditions of an answers read, besides its scope (a question, or hotspot keys). */
export function answerFilterSql(filters: AnswerFilters): string {
  return `project_id = {project:String}
    AND time >= fromUnixTimestamp64Milli({from:Int64}, 'UTC') AND time < fromUnixTimestamp64Milli({to:Int64}, 'UTC')
    AND ${when(filters.path !== undefined, '(path_pattern = {path:String} OR path = {path:String})')}
    AND ${when(filters.kind !== undefined, 'signal_kind = {kind:String}')}
    AND ${when(filters.release !== undefined, 'release = {release:String}')}`;
}

/** The query parameters of `answerFilterSql`. */
export function answerFilterParams(projectId: string, filters: AnswerFilters): Record<string, unknown> {
  return {
    project: projectId,
    from: filters.range.from,
    to: filters.range.to,
    path: filters.path,
    kind: filters.kind,
    release: filters.release,
  };
}
