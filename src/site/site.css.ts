import { createHash } from 'node:crypto';

/** The one stylesheet; small enough to keep in code and serve with a long cache. */
export const siteCss = `
:root { color-scheme: light; --ink: #1d2330; --muted: #5b6475; --line: #d9dee7; --accent: #0b5cad; }
* { box-sizing: border-box; }
body { margin: 0; font-family: 'Noto Sans KR', 'Apple SD Gothic Neo', 'Malgun Gothic', system-ui, sans-serif;
  color: var(--ink); line-height: 1.65; word-break: keep-all; }
a { color: var(--accent); }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 10; }
.site-header { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; justify-content: space-between;
  padding: .75rem 1.25rem; border-bottom: 1px solid var(--line); }
.site-header nav { display: flex; gap: 1rem; flex-wrap: wrap; }
.brand { font-weight: 700; text-decoration: none; color: var(--ink); }
main { max-width: 60rem; margin: 0 auto; padding: 1.25rem; }
.site-footer { border-top: 1px solid var(--line); padding: 1rem 1.25rem; text-align: center; }
table { border-collapse: collapse; width: 100%; margin: .75rem 0 1.25rem; font-size: .95rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid var(--line); padding: .4rem .6rem; text-align: left; vertical-align: top; }
th { background: #f3f5f9; }
nav.toc ol { columns: 2; }
@media (max-width: 40rem) { nav.toc ol { columns: 1; } table { font-size: .85rem; } }
del { background: #fde8e8; } ins { background: #e6f6e6; text-decoration: none; }
.muted { color: var(--muted); }
form label { display: block; margin: .9rem 0 .3rem; font-weight: 600; }
form label small { font-weight: 400; color: var(--muted); margin-left: .4rem; }
label:has(input[type=checkbox]), label:has(input[type=radio]) { font-weight: 400; }
input, select, textarea { font: inherit; padding: .45rem .6rem; border: 1px solid #aab3c0; border-radius: 6px;
  display: block; width: 100%; max-width: 28rem; margin-top: .25rem; background: #fff; }
input[type=checkbox], input[type=radio] { display: inline-block; width: auto; margin: 0 .45rem 0 0; }
input:focus-visible, select:focus-visible, button:focus-visible, a:focus-visible { outline: 3px solid #f0b400; outline-offset: 2px; }
button { font: inherit; padding: .55rem 1.3rem; border-radius: 6px; border: 1px solid var(--accent);
  background: var(--accent); color: #fff; cursor: pointer; margin-top: 1rem; }
button.secondary { background: #fff; color: var(--accent); }
form.inline { display: inline; } form.inline button { margin: 0; padding: .2rem .6rem; }
form.filters label { display: inline-block; margin-right: .75rem; }
fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 1rem 0; padding: .5rem 1rem 1rem; }
[id$='-error'], .error { color: #b00020; font-weight: 400; }
.notice { background: #eef5ff; border-left: 4px solid var(--accent); padding: .6rem .9rem; }
.site-footer { display: flex; gap: 1.25rem; justify-content: center; flex-wrap: wrap; }
a.button { display: inline-block; font: inherit; padding: .55rem 1.3rem; border-radius: 6px; border: 1px solid var(--accent);
  text-decoration: none; margin-top: 1rem; }
a.button.secondary { background: #fff; color: var(--accent); }
.cookie-banner { background: #f6f8fb; border-bottom: 2px solid var(--accent); padding: .75rem 1.25rem 1rem; }
.cookie-banner > * { max-width: 57.5rem; margin-left: auto; margin-right: auto; }
.cookie-banner h2 { font-size: 1.1rem; margin-top: 0; margin-bottom: .4rem; }
.cookie-banner p, .cookie-banner ul { margin-top: .3rem; margin-bottom: .3rem; font-size: .95rem; }
.cookie-banner ul { padding-left: 1.25rem; }
.cookie-actions { display: flex; flex-wrap: wrap; gap: .6rem; align-items: center; }
.cookie-actions button, .cookie-actions a.button { margin-top: .5rem; min-width: 6.5rem; text-align: center; }
.field.check { display: grid; grid-template-columns: auto 1fr; column-gap: .1rem; align-items: baseline; }
.field.check label { margin: .3rem 0; }
.field.check > :not(input):not(label) { grid-column: 2; }
.cookie-about { display: block; font-size: .9rem; }
@media (max-width: 40rem) { th, td { overflow-wrap: anywhere; } }
`;

/** Part of the stylesheet's URL, so a changed stylesheet is never served from a stale cache. */
export const siteCssVersion = createHash('sha256').update(siteCss).digest('hex').slice(0, 12);
export const siteCssHref = `/assets/site.css?v=${siteCssVersion}`;
