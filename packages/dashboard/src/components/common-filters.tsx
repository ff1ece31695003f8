import { usePages } from '../api/use-projects';
import { RANGE_PRESETS } from '../lib/ranges';
import { KIND_ORDER, SIGNAL_KINDS } from '../lib/signal-kinds';
import { SelectField } from './fields';

export function RangeSelect({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const known = RANGE_PRESETS.some((preset) => preset.value === value);
  const options = known ? RANGE_PRESETS : [...RANGE_PRESETS, { value, label: `From ${value}` }];
  return <SelectField label="Date range" name="from" value={value} options={options} onChange={onChange} />;
}

const KIND_OPTIONS = [
  { value: '', label: 'All kinds' },
  ...KIND_ORDER.map((kind) => ({ value: kind, label: SIGNAL_KINDS[kind].label })),
];

export function KindSelect({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return <SelectField label="Struggle" name="kind" value={value} options={KIND_OPTIONS} onChange={onChange} />;
}

/** The project's pages (path patterns), most viewed first; a path from the URL stays selectable. */
export function PageSelect({
  project,
  from,
  value,
  onChange,
  allLabel = 'All pages',
}: {
  project: string;
  from: string;
  value: string;
  onChange: (value: string) => void;
  allLabel?: string | null;
}) {
  const pages = usePages(project, from);
  const paths = (pages.data?.pages ?? []).map((page) => page.path);
  if (value && !paths.includes(value)) paths.unshift(value);
  const options = [
    ...(allLabel === null ? [] : [{ value: '', label: allLabel }]),
    ...paths.map((path) => ({ value: path, label: path })),
  ];
  return <SelectField label="Page" name="path" value={value} options={options} onChange={onChange} />;
}
