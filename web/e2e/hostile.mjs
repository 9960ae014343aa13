// The hostile article of the browser tests: markup, script and event
// handlers in the file name, title, outlet, quotations and links. It is
// written by the test run into a temporary corpus, never kept in examples/.
// Usage: node hostile.mjs DIR   (prints the path written)
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const FILE_NAME = 'zz-hostile-<img src=x onerror=window.__pwned=1>.html';
export const TITLE = '<script>window.__pwned=1</script> Crane <b>collapse</b> at Vell harbour';
export const OUTLET = 'Vell <img src=x onerror=window.__pwned=1> Post';
export const QUOTE = '<img src=x onerror=window.__pwned=1> The crane was inspected last month,';
export const QUOTE2 = 'the cables were frayed for weeks </script><script>window.__pwned=1</script>';

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function article() {
  return `<!doctype html>
<html><head><meta charset="utf-8">
<title>${esc(TITLE)}</title>
<meta property="og:title" content="${esc(TITLE)}">
<meta property="og:site_name" content="${esc(OUTLET)}">
<meta property="article:published_time" content="2031-03-02">
<script>window.__pwned_source = 1</script>
</head><body><article>
<h1>${esc(TITLE)}</h1>
<p>PORT VELL, March 2 – A crane collapsed at Vell harbour on Monday, injuring at least 7 workers, the port authority said. ${esc('<a href="javascript:window.__pwned=1">Read more</a>')}</p>
<p>"${esc(QUOTE)}" said ${esc('<b>Eve</b>')} Marlow, a spokeswoman for the port. "We are ${esc('<script>alert(1)</script>')} reviewing everything," she added.</p>
<p>A dock worker who asked not to be named told the Harbour Post that "${esc(QUOTE2)}".</p>
<p>The port authority said 9 workers had been hurt. <a href="javascript:window.__pwned=1" onclick="window.__pwned=1">javascript link</a></p>
</article></body></html>
`;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node hostile.mjs DIR');
    process.exit(2);
  }
  const path = join(dir, FILE_NAME);
  writeFileSync(path, article());
  console.log(path);
}
