import { Navigate, Route, Routes } from 'react-router';
import { useProjects } from './api/use-projects';
import { AcceptInvitePage } from './auth/accept-invite-page';
import { RequireAuth } from './auth/require-auth';
import { SignInPage } from './auth/sign-in-page';
import { EmptyState, ErrorState, LoadingState } from './components/states';
import { AlertsPage } from './features/alerts/alerts-page';
import { HeatmapPage } from './features/heatmap/heatmap-page';
import { InstallPage } from './features/install/install-page';
import { QuestionEditorPage } from './features/questions/question-editor-page';
import { QuestionResultsPage } from './features/questions/question-results-page';
import { QuestionsPage } from './features/questions/questions-page';
import { ReleasesPage } from './features/releases/releases-page';
import { ReplayPage } from './features/replay/replay-page';
import { HotspotPage } from './features/report/hotspot-page';
import { ReportPage } from './features/report/report-page';
import { SessionsPage } from './features/sessions/sessions-page';
import { SettingsPage } from './features/settings/settings-page';
import { SharedReportPage } from './features/shared-report/shared-report-page';
import { TrendsPage } from './features/trends/trends-page';
import { AppShell } from './layout/app-shell';

export function App() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/accept-invite" element={<AcceptInvitePage />} />
      <Route path="/shared/:token" element={<SharedReportPage />} />
      <Route
        path="/"
        element={
          <RequireAuth>
            <FirstProject />
          </RequireAuth>
        }
      />
      <Route
        path="/p/:project"
        element={
          <RequireAuth>
            <AppShell />
          </RequireAuth>
        }
      >
        <Route index element={<ReportPage />} />
        <Route path="hotspot" element={<HotspotPage />} />
        <Route path="sessions" element={<SessionsPage />} />
        <Route path="sessions/:session" element={<ReplayPage />} />
        <Route path="heatmap" element={<HeatmapPage />} />
        <Route path="trends" element={<TrendsPage />} />
        <Route path="releases" element={<ReleasesPage />} />
        <Route path="questions" element={<QuestionsPage />} />
        <Route path="questions/new" element={<QuestionEditorPage />} />
        <Route path="questions/:id" element={<QuestionResultsPage />} />
        <Route path="questions/:id/edit" element={<QuestionEditorPage />} />
        <Route path="alerts" element={<AlertsPage />} />
        <Route path="settings" element={<SettingsPage />} />
        <Route path="install" element={<InstallPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

function FirstProject() {
  const projects = useProjects();
  if (projects.isPending) return <LoadingState />;
  if (projects.isError) return <ErrorState error={projects.error} onRetry={() => projects.refetch()} />;
  const first = projects.data.projects.find((project) => project.id === 'default') ?? projects.data.projects[0];
  if (!first) return <EmptyState title="No projects yet">Create one with `snag projects create NAME`.</EmptyState>;
  return <Navigate to={`/p/${first.id}`} replace />;
}

function NotFound() {
  return (
    <EmptyState title="Nothing here" action={<a href="/">Back to the friction report</a>}>
      This address does not match any screen of the dashboard.
    </EmptyState>
  );
}
