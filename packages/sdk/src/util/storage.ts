import { STORAGE_PREFIX } from '../constants.js';
import { reportInternal } from './guard.js';

/** localStorage that never throws (private mode, quota, sandboxed iframes) and can be switched off. */
export interface KeyValueStore {
  get(name: string): string | null;
  set(name: string, value: string): boolean;
  remove(name: string): void;
  /** Names of every stored entry of the SDK. */
  keys(): string[];
}

const memory = new Map<string, string>();

/** Falls back to memory when localStorage is unavailable, so the SDK still works for the page view. */
export const localStore: KeyValueStore = {
  get(name) {
    try {
      return localStorage.getItem(STORAGE_PREFIX + name);
    } catch {
      return memory.get(name) ?? null;
    }
  },
  set(name, value) {
    try {
      localStorage.setItem(STORAGE_PREFIX + name, value);
      return true;
    } catch (error) {
      reportInternal(error);
      memory.set(name, value);
      return false;
    }
  },
  remove(name) {
    memory.delete(name);
    try {
      localStorage.removeItem(STORAGE_PREFIX + name);
    } catch {
      // storage unavailable: the memory copy is gone, nothing else to do
    }
  },
  keys() {
    try {
      return Object.keys(localStorage)
        .filter((key) => key.startsWith(STORAGE_PREFIX))
        .map((key) => key.slice(STORAGE_PREFIX.length));
    } catch {
      return [...memory.keys()];
    }
  },
};

export function memoryStore(): KeyValueStore {
  const map = new Map<string, string>();
  return {
    get: (name) => map.get(name) ?? null,
    set: (name, value) => {
      map.set(name, value);
      return true;
    },
    remove: (name) => {
      map.delete(name);
    },
    keys: () => Array.from(map.keys()),
  };
}

export function readJson<T>(store: KeyValueStore, name: string): T | undefined {
  const raw = store.get(name);
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return undefined;
  }
}
