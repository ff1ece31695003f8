import { ErrorState, LoadingState } from '../../components/states';
import { useAssetSettings, useSaveAssetSettings } from './settings-api';

/** Whether the SDK may send the bodies of same-origin stylesheets, fonts and images (`…/settings/assets`). */
export function AssetSection({ project, canEdit }: { project: string; canEdit: boolean }) {
  const settings = useAssetSettings(project);
  const save = useSaveAssetSettings(project);
  return (
    <section className="card" aria-labelledby="assets-settings-heading">
      <div className="card-header">
        <h2 id="assets-settings-heading">Replay assets</h2>
        <p className="muted">
          Snag keeps the stylesheets, fonts and images a replay needs. Those behind a sign-in or on an intranet can only
          be sent by the browser that loaded them.
        </p>
      </div>
      {settings.isPending ? (
        <LoadingState rows={1} />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => settings.refetch()} />
      ) : (
        <div className="settings-form">
          <label className="check">
            <input
              type="checkbox"
              checked={settings.data.sdk_bodies}
              disabled={!canEdit || save.isPending}
              onChange={(event) => save.mutate(event.target.checked)}
            />{' '}
            Let the SDK send same-origin assets the server cannot fetch (CSS, fonts and images only, in idle time)
          </label>
          {save.isError ? (
            <p className="form-error" role="alert">
              {save.error.message}
            </p>
          ) : null}
          <p className="muted changed-by">
            {settings.data.updated_at
              ? `Last changed on ${new Date(settings.data.updated_at).toLocaleString()}.`
              : 'Default: off.'}
          </p>
        </div>
      )}
    </section>
  );
}
