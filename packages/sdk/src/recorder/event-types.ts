/**
 * rrweb's event and source numbers (EventType, IncrementalSource in @rrweb/types) as plain
 * constants: importing those enums would bundle a second copy of both objects into the chunk.
 */
export const FULL_SNAPSHOT = 2;
export const INCREMENTAL_SNAPSHOT = 3;
export const META = 4;
export const CUSTOM = 5;
export const MUTATION_SOURCE = 0;
