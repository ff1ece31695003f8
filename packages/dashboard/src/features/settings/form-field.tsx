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

/** A settings form's end: the save error, who changed it last, and (for admins) the save button. */
export function SaveFooter({
  save,
  settings,
  canEdit,
  label,
}: {
  save: { isError: boolean; isPending: boolean; isSuccess: boolean; error: Error | null };
  settings: { updated_by: string | null; updated_at: string | null };
  canEdit: boolean;
  label: string;
}) {
  return (
    <>
      {save.isError ? (
        <p className="form-error" role="alert">
          {save.error?.message}
        </p>
      ) : null}
      <div className="settings-actions">
        <ChangedBy by={settings.updated_by} at={settings.updated_at} />
        {canEdit ? (
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : save.isSuccess ? 'Saved' : label}
          </button>
        ) : null}
      </div>
    </>
  );
}
