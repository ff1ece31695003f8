import { useQueryClient } from '@tanstack/react-query';
import { NavLink, Outlet, useNavigate, useParams } from 'react-router';
import { signOut } from '../auth/auth-api';
import { AUTH_SESSION_KEY, useAuthSession } from '../auth/use-auth-session';
import { type IconName, NavIcon } from './nav-icons';
import { ProjectPicker } from './project-picker';

const NAV: Array<{ to: string; label: string; icon: IconName; end?: boolean }> = [
  { to: '', label: 'Friction report', icon: 'report', end: true },
  { to: 'sessions', label: 'Sessions', icon: 'sessions' },
  { to: 'heatmap', label: 'Heatmaps', icon: 'heatmap' },
  { to: 'trends', label: 'Trends', icon: 'trends' },
  { to: 'releases', label: 'Releases', icon: 'releases' },
  { to: 'questions', label: 'Questions', icon: 'questions' },
  { to: 'alerts', label: 'Alerts', icon: 'alerts' },
  { to: 'settings', label: 'Settings', icon: 'settings' },
  { to: 'install', label: 'Install', icon: 'install' },
];

export function AppShell() {
  const { project = 'default' } = useParams();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const principal = useAuthSession().data?.principal;
  const who = principal?.kind === 'user' ? principal.email : principal?.kind === 'admin_token' ? 'Admin token' : '';
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <aside className="sidebar">
        <div className="sidebar-inner">
          <div className="brand">
            <img src="/favicon.svg" alt="" width="26" height="26" />
            <span>Snag</span>
          </div>
          <ProjectPicker project={project} />
          <nav aria-label="Main">
            <ul>
              {NAV.map((item) => (
                <li key={item.label}>
                  <NavLink to={`/p/${project}/${item.to}`} end={item.end}>
                    <NavIcon name={item.icon} />
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="whoami" title={who}>
            <span className="muted">Signed in as</span>
            <span>{who}</span>
          </div>
          <button
            type="button"
            className="sign-out"
            onClick={async () => {
              await signOut().catch(() => undefined);
              queryClient.clear();
              queryClient.setQueryData(AUTH_SESSION_KEY, null);
              navigate('/sign-in');
            }}
          >
            <NavIcon name="signOut" />
            Sign out
          </button>
        </div>
      </aside>
      <main id="main" className="content" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
