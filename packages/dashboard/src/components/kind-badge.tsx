import type { CSSProperties } from 'react';
import { kindInfo } from '../lib/signal-kinds';

/** A signal kind as a coloured pill, with an optional count. */
export function KindBadge({ kind, count }: { kind: string; count?: number }) {
  const info = kindInfo(kind);
  return (
    <span className="kind-badge" style={{ '--kind': info.color } as CSSProperties} title={info.description}>
      <span className="kind-dot" aria-hidden="true" />
      {info.label}
      {count !== undefined ? <span className="kind-count">{count}</span> : null}
    </span>
  );
}
