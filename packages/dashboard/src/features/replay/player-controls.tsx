import { CopyButton } from '../../components/copy-button';
import { formatClock } from '../../lib/format';
import { SPEEDS } from './use-replayer';

export function PlayerControls({
  playing,
  position,
  duration,
  speed,
  skipInactive,
  hasNextStruggle,
  shareUrl,
  onPlayPause,
  onSpeed,
  onSkipInactive,
  onNextStruggle,
}: {
  playing: boolean;
  position: number;
  duration: number;
  speed: number;
  skipInactive: boolean;
  hasNextStruggle: boolean;
  shareUrl: string;
  onPlayPause: () => void;
  onSpeed: (speed: number) => void;
  onSkipInactive: (skip: boolean) => void;
  onNextStruggle: () => void;
}) {
  return (
    <div className="player-controls">
      <button
        type="button"
        className="button button-primary play-button"
        onClick={onPlayPause}
        aria-label={playing ? 'Pause (space)' : 'Play (space)'}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">
          {playing ? <path d="M7 5h3v14H7zM14 5h3v14h-3z" /> : <path d="M8 5v14l11-7z" />}
        </svg>
      </button>
      <span className="player-clock" data-testid="player-clock" data-position={Math.round(position)}>
        {formatClock(position)} <span className="muted">/ {formatClock(duration)}</span>
      </span>
      <fieldset className="speed">
        <legend className="visually-hidden">Playback speed</legend>
        {SPEEDS.map((value) => (
          <button
            key={value}
            type="button"
            className={value === speed ? 'active' : undefined}
            aria-pressed={value === speed}
            onClick={() => onSpeed(value)}
          >
            {value}×
          </button>
        ))}
      </fieldset>
      <label className="toggle">
        <input type="checkbox" checked={skipInactive} onChange={(event) => onSkipInactive(event.target.checked)} />
        Skip inactivity
      </label>
      <span className="spacer" />
      <button type="button" className="button" onClick={onNextStruggle} disabled={!hasNextStruggle}>
        Next struggle <kbd>N</kbd>
      </button>
      <CopyButton text={shareUrl} label="Copy link here" />
    </div>
  );
}
