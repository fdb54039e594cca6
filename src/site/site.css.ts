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
`;
