import type { RecordingSettingsResponse, ReplayMode, ReplayTrigger } from '@snag/protocol';
import { REPLAY_TRIGGERS } from '@snag/protocol/enums';
import { Segmented } from '../../components/fields';
import { isSignalKind, SIGNAL_KINDS } from '../../lib/signal-kinds';
import { FormField, SaveFooter } from './form-field';
import { checkRecordingDraft, toRecordingDraft } from './settings-draft';
import { useSettingsDraft } from './use-settings-draft';

const MODES: Array<{ value: ReplayMode; label: string }> = [
  { value: 'always', label: 'Always' },
  { value: 'on-struggle', label: 'On struggle' },
  { value: 'off', label: 'Off' },
];

const MODE_HINTS: Record<ReplayMode, string> = {
  always: 'Every recorded session keeps its replay.',
  'on-struggle': 'Replays are kept only after a trigger below, with the pre-roll before it; other sessions send none.',
  off: 'No replay at all: the recorder is not even loaded. Events and struggle detection go on.',
};

function triggerLabel(trigger: ReplayTrigger): string {
  if (trigger === 'error') return 'JS error';
  if (trigger === 'answer') return 'Answered question';
  return isSignalKind(trigger) ? SIGNAL_KINDS[trigger].label : trigger;
}

/** Replay mode, sample rate, triggers, pre-roll and extra privacy selectors: read by all, saved by admins. */
export function RecordingSection({
  project,
  settings,
  canEdit,
}: {
  project: string;
  settings: RecordingSettingsResponse;
  canEdit: boolean;
}) {
  const { save, draft, errors, setErrors, change } = useSettingsDraft(project, settings, toRecordingDraft);
  const submit = () => {
    const checked = checkRecordingDraft(draft);
    if ('errors' in checked) return setErrors(checked.errors);
    setErrors({});
    save.mutate(checked.settings);
  };
  return (
    <section className="card" aria-labelledby="recording-heading">
      <div className="card-header">
        <h2 id="recording-heading">Recording</h2>
        <p className="muted">
          Pages read these when they load (within a minute of a change), without a redeploy. A setting in the page’s
          code wins, except that these can only make recording more private: selectors are added to the code’s, and the
          stricter mode and lower sample rate apply.
        </p>
      </div>
      <form
        className="question-form settings-form"
        aria-label="Recording settings"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <fieldset disabled={!canEdit} className="settings-fields">
          <legend className="visually-hidden">Recording settings</legend>
          <div className="field settings-field">
            <span className="field-label">Replay</span>
            <Segmented
              label="Replay"
              value={draft.replay}
              options={MODES}
              onChange={(replay) => change({ replay: replay as ReplayMode })}
            />
            <p className="muted field-hint">{MODE_HINTS[draft.replay]}</p>
          </div>
          <div className="field-grid">
            <FormField
              label="Sessions recorded (%)"
              hint="Of tracked sessions; the lower of this and the code’s rate applies."
              error={errors.samplePercent}
            >
              {(props) => (
                <input
                  {...props}
                  inputMode="decimal"
                  value={draft.samplePercent}
                  onChange={(event) => change({ samplePercent: event.target.value })}
                />
              )}
            </FormField>
            <FormField
              label="Pre-roll (seconds)"
              hint="On struggle: how much before the trigger is kept."
              error={errors.bufferSeconds}
            >
              {(props) => (
                <input
                  {...props}
                  inputMode="numeric"
                  value={draft.bufferSeconds}
                  onChange={(event) => change({ bufferSeconds: event.target.value })}
                />
              )}
            </FormField>
          </div>
          <fieldset className="check-row">
            <legend className="field-label">Triggers that keep an on-struggle replay</legend>
            {REPLAY_TRIGGERS.map((trigger) => (
              <label key={trigger}>
                <input
                  type="checkbox"
                  checked={draft.triggers.includes(trigger)}
                  onChange={(event) =>
                    change({
                      triggers: event.target.checked
                        ? [...draft.triggers, trigger]
                        : draft.triggers.filter((entry) => entry !== trigger),
                    })
                  }
                />
                {triggerLabel(trigger)}
              </label>
            ))}
          </fieldset>
          <div className="field-grid">
            <FormField
              label="Mask the text of (one CSS selector per line)"
              hint="On top of inputs and [data-snag-mask]: the text becomes asterisks before it leaves the browser."
              error={errors.maskSelectors}
            >
              {(props) => (
                <textarea
                  {...props}
                  rows={4}
                  spellCheck={false}
                  placeholder=".account-name"
                  value={draft.maskSelectors}
                  onChange={(event) => change({ maskSelectors: event.target.value })}
                />
              )}
            </FormField>
            <FormField
              label="Block (one CSS selector per line)"
              hint="On top of [data-snag-block]: replaced by an empty box of the same size in replays."
              error={errors.blockSelectors}
            >
              {(props) => (
                <textarea
                  {...props}
                  rows={4}
                  spellCheck={false}
                  placeholder="iframe.chat"
                  value={draft.blockSelectors}
                  onChange={(event) => change({ blockSelectors: event.target.value })}
                />
              )}
            </FormField>
          </div>
        </fieldset>
        <SaveFooter save={save} settings={settings} canEdit={canEdit} label="Save recording settings" />
      </form>
    </section>
  );
}
