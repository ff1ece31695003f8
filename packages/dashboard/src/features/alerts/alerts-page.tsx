import { useParams } from 'react-router';
import { canManageAccess } from '../../auth/can-manage-access';
import { useAuthSession } from '../../auth/use-auth-session';
import { PageHeader } from '../../components/page-header';
import { ChannelsSection } from './channels-section';
import { DigestSection } from './digest-section';
import { HistorySection } from './history-section';
import { RulesSection } from './rules-section';

/** The Alerts screen: when alerts are sent (rules), where they go (channels), the weekly digest, and what was sent. */
export function AlertsPage() {
  const { project = 'default' } = useParams();
  const canEdit = canManageAccess(useAuthSession().data?.principal, project);
  return (
    <>
      <PageHeader
        title="Alerts"
        subtitle="When Snag tells the team, where alerts and the weekly digest go, and how each delivery went."
      />
      <div className="alerts-sections">
        <RulesSection project={project} canEdit={canEdit} />
        <ChannelsSection project={project} canEdit={canEdit} />
        <DigestSection project={project} canEdit={canEdit} />
        <HistorySection project={project} />
      </div>
    </>
  );
}
