/** Stroke icons of the sidebar (24 × 24 paths). */
const PATHS = {
  report: 'M4 19V9m6 10V5m6 14v-7m4 7H3',
  sessions: 'M4 6h16M4 12h16M4 18h10',
  heatmap: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zm0 5a4 4 0 1 0 0 8 4 4 0 0 0 0-8z',
  trends: 'M3 17l6-6 4 4 8-8m0 0h-5m5 0v5',
  releases: 'M7 7h10M7 12h10M7 17h6M4 4h16v16H4z',
  questions: 'M4 5h16v11H9l-5 4V5zm5 4h6m-6 3h4',
  alerts: 'M6 16V11a6 6 0 1 1 12 0v5l2 2H4l2-2zm4 4h4',
  install: 'M8 9l-4 3 4 3m8-6 4 3-4 3M14 5l-4 14',
  settings: 'M4 6h10m4 0h2M4 12h4m4 0h8M4 18h12m4 0h0M14 4v4m-6 2v4m8 2v4',
  signOut: 'M15 12H4m0 0 4-4m-4 4 4 4M14 4h5v16h-5',
} as const;

export type IconName = keyof typeof PATHS;

export function NavIcon({ name }: { name: IconName }) {
  return (
    <svg className="nav-icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d={PATHS[name]} />
    </svg>
  );
}
