/** chDB refuses a data folder another process holds (`snag serve`): its connection error says so. */
export function isFolderInUse(error: unknown): boolean {
  return (error as { code?: unknown } | undefined)?.code === 'CHDB_CONNECTION';
}
