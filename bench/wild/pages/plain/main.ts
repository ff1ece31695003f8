// Plain HTML: a contact form, <details>, <dialog>, a download link, and controls whose only effect is
// outside the DOM (clipboard, audio, a new tab, moving focus), with a little script of the page's own.
const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

setTimeout(() => {
  const intro = byId('intro');
  intro.classList.remove('skeleton');
  intro.textContent = 'Write to us, or take the price list with you.';
}, 2000);

byId<HTMLFormElement>('contact').addEventListener('submit', (event) => {
  event.preventDefault();
  byId('sent').textContent = 'Thanks, we will reply within a day.';
});

const terms = byId<HTMLDialogElement>('terms');
byId('open-terms').addEventListener('click', () => terms.showModal());
// Only the clipboard changes: nothing on the page does.
byId('copy-link').addEventListener('click', () => void navigator.clipboard.writeText(location.href));
byId('open-help').addEventListener('click', () => window.open('/plain/?help', '_blank'));
byId('to-message').addEventListener('click', () => byId('message').focus());
// Its only effect is outside the DOM: the page goes full screen (or back).
byId('full-screen').addEventListener('click', () =>
  document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen(),
);

const jingle = byId<HTMLAudioElement>('jingle');
byId('play').addEventListener('click', () => void jingle.play());
byId('stop').addEventListener('click', () => jingle.pause());

// Slow on purpose (only the struggle cases press it): the answer comes after 2.5 s, with nothing shown before.
byId('availability').addEventListener('click', async () => {
  await fetch('/api/slow?ms=2500');
  byId('available').textContent = 'Available from Monday.';
});

let page = 0;
async function more(): Promise<void> {
  page += 1;
  const res = await fetch(`/api/items?page=${page}`);
  const { items } = (await res.json()) as { items: string[] };
  byId('feed').append(
    ...items.slice(0, 5).map((item) => Object.assign(document.createElement('li'), { textContent: `News ${item}` })),
  );
}
byId('more').addEventListener('click', () => void more());
void more();
