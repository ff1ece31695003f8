import { useId } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useProjects } from '../api/use-projects';

/** Switches project and keeps the current screen (filters that name pages or sessions are dropped). */
export function ProjectPicker({ project }: { project: string }) {
  const id = useId();
  const { data } = useProjects();
  const navigate = useNavigate();
  const location = useLocation();
  const projects = data?.projects ?? [{ id: project, name: project, created_at: '' }];
  return (
    <div className="project-picker">
      <label htmlFor={id}>Project</label>
      <select
        id={id}
        value={project}
        onChange={(event) => {
          const screen = location.pathname.split('/')[3] ?? '';
          const keep = ['sessions', 'heatmap', 'trends', 'releases', 'install'].includes(screen) ? screen : '';
          navigate(`/p/${event.target.value}/${keep}`);
        }}
      >
        {projects.map((entry) => (
          <option key={entry.id} value={entry.id}>
            {entry.name}
          </option>
        ))}
      </select>
    </div>
  );
}
