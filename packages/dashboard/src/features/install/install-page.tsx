import type { ProjectKeys } from '@snag/protocol';
import { useParams } from 'react-router';
import { useApi } from '../../api/use-api';
import { CopyButton } from '../../components/copy-button';
import { PageHeader } from '../../components/page-header';
import { ErrorState, LoadingState } from '../../components/states';
import { InstallCheck } from './install-check';

function Snippet({ title, code, language }: { title: string; code: string; language: string }) {
  return (
    <div className="snippet">
      <div className="snippet-header">
        <span>{title}</span>
        <CopyButton text={code} />
      </div>
      <pre>
        <code data-language={language}>{code}</code>
      </pre>
    </div>
  );
}

export function InstallPage() {
  const { project = '' } = useParams();
  const keys = useApi<ProjectKeys>(`/projects/${project}/keys`);
  const origin = window.location.origin;
  const key = keys.data?.public_keys[0];
  const scriptTag = `<script async src="${origin}/sdk.js" data-key="${key}"></script>`;
  const npm = `npm install @snag/sdk`;
  const init = `import { init, identify } from '@snag/sdk';

init({ key: '${key}', endpoint: '${origin}' });
identify(currentUser.id); // optional: link sessions to your user ids`;

  return (
    <>
      <PageHeader title="Install" subtitle="Add Snag to your product in one line. Inputs are masked by default." />
      <InstallCheck project={project} />
      {keys.isPending ? (
        <LoadingState />
      ) : keys.isError ? (
        <ErrorState error={keys.error} onRetry={() => keys.refetch()} />
      ) : !key ? (
        <ErrorState error={new Error('This project has no public ingest key.')} />
      ) : (
        <div className="install-grid">
          <section className="card" aria-labelledby="script-heading">
            <div className="card-header">
              <h2 id="script-heading">1. Paste the script tag</h2>
              <p className="muted">Into the &lt;head&gt; of every page. It loads asynchronously and never blocks.</p>
            </div>
            <Snippet title="HTML" code={scriptTag} language="html" />
            <p className="muted small">
              Public ingest key <code>{key}</code>: it can only send events, so it is safe in page source.
            </p>
          </section>
          <section className="card" aria-labelledby="npm-heading">
            <div className="card-header">
              <h2 id="npm-heading">…or install from npm</h2>
              <p className="muted">For bundled apps; the recorder still loads lazily after the page.</p>
            </div>
            <Snippet title="Shell" code={npm} language="sh" />
            <Snippet title="TypeScript" code={init} language="ts" />
          </section>
          <section className="card" aria-labelledby="options-heading">
            <div className="card-header">
              <h2 id="options-heading">Useful options</h2>
            </div>
            <dl className="options">
              <dt>
                <code>data-release="1.5.0"</code>
              </dt>
              <dd>Tag sessions with your release to compare releases.</dd>
              <dt>
                <code>data-snag-mask</code>, <code>data-snag-block</code>
              </dt>
              <dd>On any element: mask its text, or leave it out of recordings entirely.</dd>
              <dt>
                <code>data-replay-sample-rate="0.5"</code>
              </dt>
              <dd>Record replays for a share of sessions; struggle signals are always sent.</dd>
            </dl>
          </section>
        </div>
      )}
    </>
  );
}
