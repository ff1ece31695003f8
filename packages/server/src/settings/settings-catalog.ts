import type { Store } from '../store/client.js';
import { SETTINGS_CACHE_TTL_MS } from './constants.js';
import { findRecordingSettings, type StoredRecordingSettings } from './recording-settings-store.js';

interface Entry {
  at: number;
  settings: Promise<StoredRecordingSettings>;
}

/**
 * A project's recording settings, read from the store at most once per SETTINGS_CACHE_TTL_MS
 * for the SDK's public read (every page view asks). A change through this server's API forgets
 * the project at once; other servers catch up within the TTL.
 */
export class SettingsCatalog {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly store: Store,
    private readonly ttlMs = SETTINGS_CACHE_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  settingsOf(projectId: string): Promise<StoredRecordingSettings> {
    const entry = this.entries.get(projectId);
    if (entry && this.now() - entry.at < this.ttlMs) return entry.settings;
    const settings = findRecordingSettings(this.store, projectId);
    // A failed read is not kept: the next call asks the store again.
    settings.catch(() => this.entries.delete(projectId));
    this.entries.set(projectId, { at: this.now(), settings });
    return settings;
  }

  forget(projectId: string): void {
    this.entries.delete(projectId);
  }
}
