const WIDTH = 96;
const HEIGHT = 28;
const PAD = 2;

/** A tiny line of a series, scaled to its own max; a flat line when everything is zero. */
export function Sparkline({
  values,
  label,
  color = 'var(--accent)',
}: {
  values: number[];
  label: string;
  color?: string;
}) {
  if (values.length < 2) return <span className="sparkline-empty">—</span>;
  const max = Math.max(...values, 1);
  const step = (WIDTH - PAD * 2) / (values.length - 1);
  const points = values.map((value, index) => {
    const x = PAD + index * step;
    const y = HEIGHT - PAD - (value / max) * (HEIGHT - PAD * 2);
    return `${x.toFixed(1)},${y.toFixed(1)}`;
  });
  const area = `${PAD},${HEIGHT - PAD} ${points.join(' ')} ${WIDTH - PAD},${HEIGHT - PAD}`;
  return (
    <svg className="sparkline" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img">
      <title>{label}</title>
      <polygon points={area} fill={color} opacity="0.12" />
      <polyline points={points.join(' ')} fill="none" stroke={color} strokeWidth="1.5" strokeLinejoin="round" />
    </svg>
  );
}
