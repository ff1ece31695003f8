import type { Person } from './person.js';

/** One page of the wild suite and how a person ordinarily uses it: nothing in `run` is struggle. */
export interface WildPage {
  /** The folder under pages/ it is built from. */
  name: string;
  /** The component library the page is made of. */
  library: string;
  run(person: Person): Promise<void>;
}
