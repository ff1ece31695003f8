/**
 * The widget's styles, inside its shadow root. The host resets everything the page could set
 * on it (`!important` in the shadow's own context beats the page's `!important`) and covers
 * the viewport without taking a click; only the panel takes pointer events.
 */
export const WIDGET_CSS = `:host{all:initial!important;position:fixed!important;inset:0!important;display:block!important;z-index:2147483647!important;pointer-events:none!important;visibility:visible!important;opacity:1!important;transform:none!important;contain:layout!important}
.p{--b:#fff;--f:#1f2937;--m:#4b5563;--l:#d1d5db;--a:#4338ca;--s:#eef2ff;position:absolute;box-sizing:border-box;width:min(340px,calc(100vw - 32px));padding:16px;border:1px solid var(--l);border-radius:12px;background:var(--b);color:var(--f);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;text-align:left;box-shadow:0 8px 28px rgba(0,0,0,.18);pointer-events:auto;animation:i .18s ease-out}
.p.d{--b:#1f2937;--f:#f9fafb;--m:#d1d5db;--l:#4b5563;--a:#c7d2fe;--s:#312e81}
@keyframes i{from{opacity:0;transform:translateY(8px)}}
@media (prefers-reduced-motion:reduce){.p{animation:none}}
*{box-sizing:border-box;font:inherit;color:inherit;margin:0}
h2{font-weight:600;padding-right:28px;margin-bottom:12px}
.x{position:absolute;top:8px;right:8px;width:28px;height:28px;border:0;border-radius:6px;background:none;font-size:20px;line-height:1;cursor:pointer;color:var(--m)}
.o{display:grid;gap:6px}
.r{display:flex;gap:6px}
button{cursor:pointer}
.o button,.r button,.s{padding:8px 10px;border:1px solid var(--l);border-radius:8px;background:var(--b);text-align:left}
.r button{flex:1;text-align:center}
.o button:hover,.r button:hover{background:var(--s)}
.e{display:flex;justify-content:space-between;font-size:12px;color:var(--m);margin-top:4px}
label{display:block;margin:12px 0 4px;color:var(--m)}
textarea{display:block;width:100%;min-height:64px;padding:8px;border:1px solid var(--l);border-radius:8px;background:var(--b);resize:vertical}
.s{margin-top:8px;border-color:var(--a);background:var(--a);color:var(--b);font-weight:600}
:focus-visible{outline:2px solid var(--a);outline-offset:2px}
.v{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}`;
