import { classifyInsertFailure } from './insert-failure.js';

export interface BisectOutcome<T> {
  /** Units the store refused even alone, each with its error. */
  rejected: Array<{ unit: T; error: unknown }>;
  /** Units not written because the store failed transiently: retry them later as they are. */
  unwritten: T[];
  /** Inserts tried, the first one included. */
  attempts: number;
}

/**
 * Inserts `units` together; when the store refuses the rows themselves, splits them in
 * halves and tries again, down to single units, so every unit it accepts is written and
 * only the ones it refuses alone are set apart. A transient failure stops the search:
 * what is not written yet is handed back to be retried as it is.
 */
export async function bisectInsert<T>(
  units: readonly T[],
  insert: (units: readonly T[]) => Promise<void>,
  classify: (error: unknown) => 'transient' | 'rejected' = classifyInsertFailure,
  /** The error of an insert of all `units` already tried, so it is not tried again. */
  firstError?: unknown,
): Promise<BisectOutcome<T>> {
  const outcome: BisectOutcome<T> = { rejected: [], unwritten: [], attempts: 0 };
  let known = firstError;
  const visit = async (part: readonly T[]): Promise<boolean> => {
    if (part.length === 0) return true;
    try {
      if (known !== undefined) {
        const error = known;
        known = undefined;
        throw error;
      }
      outcome.attempts += 1;
      await insert(part);
      return true;
    } catch (error) {
      if (classify(error) === 'transient') {
        outcome.unwritten.push(...part);
        return false;
      }
      if (part.length === 1) {
        outcome.rejected.push({ unit: part[0] as T, error });
        return true;
      }
      const middle = Math.ceil(part.length / 2);
      if (!(await visit(part.slice(0, middle)))) {
        outcome.unwritten.push(...part.slice(middle));
        return false;
      }
      return visit(part.slice(middle));
    }
  };
  await visit(units);
  return outcome;
}
