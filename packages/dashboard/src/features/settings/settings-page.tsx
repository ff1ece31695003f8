import { useParams } from 'react-router';
import { canManageAccess } from '../../auth/can-manage-access';
import { useAuthSession } from '../../auth/use-auth-session';
import { PageHeader } from '../../components/page-header';
import { ErrorState, LoadingState } from '../../components/states';
import { AssetSection } from './asset-section';
import { FeedbackSection } from './feedback-section';
import { RecordingSection } from './recording-section';
import { useRecordingSettings } from './settings-api';

/** `/p/:project/settings`: how the project is recorded, its feedback tab and replay assets. Admins edit, others read. */
export function SettingsPage() {
  const { project = '' } = useParams();
  const canEdit = canManageAccess(useAuthSession().data?.principal, project);
  const recording = useRecordingSettings(project);
  return (
    <>
      <PageHeader
        title="Settings"
        subtitle={
          canEdit
            ? 'How this project’s pages are recorded, and what they ask. Changes reach pages within a minute.'
            : 'How this project’s pages are recorded, and what they ask. Only admins and owners change these.'
        }
      />
      {recording.isPending ? (
        <LoadingState rows={6} />
      ) : recording.isError ? (
        <ErrorState error={recording.error} onRetry={() => recording.refetch()} />
      ) : (
        <div className="settings-stack">
          <RecordingSection project={project} settings={recording.data} canEdit={canEdit} />
          <FeedbackSection project={project} settings={recording.data} canEdit={canEdit} />
          <AssetSection project={project} canEdit={canEdit} />
        </div>
      )}
    </>
  );
}
