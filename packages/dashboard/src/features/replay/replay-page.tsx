import type { ReplayDocument, SessionDocument } from '@snag/protocol';
import { useCallback, useMemo, useRef } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useApi } from '../../api/use-api';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { STRUGGLE_LEAD_IN_MS } from '../../lib/constants';
import { replayLink } from '../../lib/links';
import { AssetPanel } from './asset-panel';
import { EventList } from './event-list';
import { PlayerControls } from './player-controls';
import { PlayerViewport } from './player-viewport';
import { replayClock, replayItems, timelineItems, toRecordingTime, toSessionOffset, urlAt } from './replay-model';
import { SessionFacts } from './session-facts';
import { Timeline } from './timeline';
import { usePlayerKeys } from './use-player-keys';
import { useReplayer } from './use-replayer';

/** Margin past the lead-in so "next struggle" never lands on the one just shown. */
const NEXT_STRUGGLE_EPSILON_MS = 250;

export function ReplayPage() {
  const { project = '', session = '' } = useParams();
  const [params] = useSearchParams();
  const startOffset = Math.max(0, Number(params.get('t')) || 0);
  const replay = useApi<ReplayDocument>(`/projects/${project}/sessions/${encodeURIComponent(session)}/replay`);
  const document = useApi<SessionDocument>(`/projects/${project}/sessions/${encodeURIComponent(session)}`);

  if (replay.isPending || document.isPending) {
    return (
      <>
        <PageHeader title="Session replay" />
        <LoadingState label="Loading the recording…" rows={6} />
      </>
    );
  }
  if (replay.isError) return <ErrorState error={replay.error} onRetry={() => replay.refetch()} />;
  return (
    <ReplayView
      project={project}
      session={session}
      replay={replay.data}
      document={document.data}
      startOffset={startOffset}
    />
  );
}

function ReplayView({
  project,
  session,
  replay,
  document,
  startOffset,
}: {
  project: string;
  session: string;
  replay: ReplayDocument;
  document: SessionDocument | undefined;
  startOffset: number;
}) {
  const mount = useRef<HTMLDivElement>(null);
  const clock = useMemo(() => replayClock(replay.start, replay.events, document), [replay, document]);
  const items = useMemo(
    () => replayItems(document, replay.markers, clock.sessionStart, replay.events),
    [document, replay.markers, clock, replay.events],
  );
  const markers = useMemo(() => timelineItems(items), [items]);
  const [player, controls] = useReplayer(mount, replay.events, toRecordingTime(clock, startOffset));
  const position = player.ready ? toSessionOffset(clock, player.time) : startOffset;
  const seek = useCallback((offset: number) => controls.seek(toRecordingTime(clock, offset)), [controls, clock]);
  const nextStruggle = replay.markers.find(
    (marker) => marker.offset_ms > position + STRUGGLE_LEAD_IN_MS + NEXT_STRUGGLE_EPSILON_MS,
  );
  const jumpToNextStruggle = useCallback(() => {
    if (nextStruggle) seek(Math.max(0, nextStruggle.offset_ms - STRUGGLE_LEAD_IN_MS));
  }, [nextStruggle, seek]);
  const keys = useMemo(
    () => ({
      togglePlay: () => (player.playing ? controls.pause() : controls.play()),
      step: (delta: number) => seek(position + delta),
      nextStruggle: jumpToNextStruggle,
    }),
    [player.playing, controls, seek, position, jumpToNextStruggle],
  );
  usePlayerKeys(keys);
  const url = urlAt(replay.events, clock, position);
  const shareUrl = `${window.location.origin}${replayLink(project, session, position)}`;
  const hasRecording = replay.events.length >= 2;

  return (
    <>
      <PageHeader
        title="Session replay"
        subtitle={<SessionFacts session={document?.session} id={session} signals={replay.markers.length} />}
        actions={
          <Link className="button" to={`/p/${project}/sessions`}>
            All sessions
          </Link>
        }
      />
      <div className="replay-layout">
        <section className="card player-card" aria-label="Player">
          <div className="url-bar" title={url ?? undefined}>
            <span className="url-dot" aria-hidden="true" />
            <span className="visually-hidden">Current URL: </span>
            <span data-testid="current-url">{url ?? 'unknown page'}</span>
          </div>
          {hasRecording ? (
            <PlayerViewport mountRef={mount} viewport={player.viewport} />
          ) : (
            <EmptyState title="No recording for this session">
              The SDK sent events but no replay (replay sampling, consent, the recorder was blocked, or replay
              on-struggle and nothing kept it). The list on the right still shows what happened.
            </EmptyState>
          )}
          <Timeline position={position} duration={clock.durationMs} markers={markers} onSeek={seek} />
          <PlayerControls
            playing={player.playing}
            position={position}
            duration={clock.durationMs}
            speed={player.speed}
            skipInactive={player.skipInactive}
            hasNextStruggle={nextStruggle !== undefined}
            shareUrl={shareUrl}
            onPlayPause={keys.togglePlay}
            onSpeed={controls.setSpeed}
            onSkipInactive={controls.setSkipInactive}
            onNextStruggle={jumpToNextStruggle}
          />
        </section>
        <section className="card events-card" aria-labelledby="events-heading">
          <div className="card-header">
            <h2 id="events-heading">Events</h2>
            <span className="muted">{items.length}</span>
          </div>
          <EventList items={items} position={position} onSeek={seek} />
        </section>
      </div>
      {hasRecording ? <AssetPanel project={project} session={session} /> : null}
    </>
  );
}
