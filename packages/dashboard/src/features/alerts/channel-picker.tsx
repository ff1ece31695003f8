import type { AlertChannel } from '@snag/protocol';

/** Checkboxes for the project's channels; what is picked is sent there. */
export function ChannelPicker({
  channels,
  value,
  onChange,
  legend,
}: {
  channels: AlertChannel[];
  value: string[];
  onChange: (ids: string[]) => void;
  legend: string;
}) {
  return (
    <fieldset className="channel-picker">
      <legend>{legend}</legend>
      {channels.length === 0 ? <p className="muted">No channels yet: add one above.</p> : null}
      {channels.map((channel) => (
        <label key={channel.id} className="check">
          <input
            type="checkbox"
            checked={value.includes(channel.id)}
            onChange={(event) =>
              onChange(event.target.checked ? [...value, channel.id] : value.filter((id) => id !== channel.id))
            }
          />{' '}
          {channel.name} <span className="muted">({channel.type})</span>
        </label>
      ))}
    </fieldset>
  );
}
