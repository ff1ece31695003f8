import { type ReactNode, useId } from 'react';

/**
 * A labelled field with its hint and, when the value is wrong, the reason beside it: the input
 * is marked invalid and described by both, so screen readers read the reason too.
 */
export function FormField({
  label,
  hint,
  error,
  children,
}: {
  label: string;
  hint?: ReactNode;
  error?: string;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby': string }) => ReactNode;
}) {
  const id = useId();
  return (
    <div className="field settings-field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': !!error, 'aria-describedby': `${id}-hint ${id}-error` })}
      {hint ? (
        <p className="muted field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="form-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Who changed a setting last and when, or that it still has its defaults. */
export function ChangedBy({ by, at }: { by: string | null; at: string | null }) {
  if (!at) return <p className="muted changed-by">Defaults: nobody has changed these yet.</p>;
  const who = by === 'admin_token' ? 'the admin token' : by?.startsWith('token:') ? `API token ${by.slice(6)}` : by;
  return (
    <p className="muted changed-by">
      Last changed by <strong>{who}</strong> on <time dateTime={at}>{new Date(at).toLocaleString()}</time>.
    </p>
  );
}
