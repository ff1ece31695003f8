import { useParams } from 'react-router';
import { canManageAccess } from '../../auth/can-manage-access';
import { useAuthSession } from '../../auth/use-auth-session';
import { PageHeader } from '../../components/page-header';
import { ChannelsSection } from './channels-section';
import { HistorySection } from './history-section';

/** The Alerts screen: where alerts go (channels) and what was sent (history). */
export function AlertsPage() {
  const { project = 'default' } = useParams();
  const canEdit = canManageAccess(useAuthSession().data?.principal, project);
  return (
    <>
      <PageHeader title="Alerts" subtitle="Where alerts and the weekly digest go, and how each delivery went." />
      <div className="alerts-sections">
        <ChannelsSection project={project} canEdit={canEdit} />
        <HistorySection project={project} />
      </div>
    </>
  );
}
