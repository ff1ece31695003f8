/** A backup or restore that cannot run, with a message saying what to do instead. */
export class BackupError extends Error {
  override name = 'BackupError';
}
