// Shared by the node peers of the side-by-side benchmark (bench/run.sh):
// reading the corpus list, counting words, timing passes in wall and CPU
// time, and printing the result line that bench/table reads (the same
// fields as bench/internal/benchrun.Result).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

// args parses --list FILE --scope NAME --passes N --warmup N.
export function args() {
  const a = process.argv.slice(2);
  const get = (k, d) => { const i = a.indexOf(k); return i >= 0 ? a[i + 1] : d; };
  const list = get('--list');
  if (!list) { console.error('need --list FILE'); process.exit(2); }
  return { list, scope: get('--scope', 'full'), passes: Number(get('--passes', '1')), warmup: Number(get('--warmup', '200')) };
}

// load reads every listed file (timed apart as read_s) and counts bytes and
// whitespace-separated words, the same definition as the Go contenders.
export function load(list) {
  const t0 = performance.now();
  const paths = readFileSync(list, 'utf8').split('\n').map(s => s.trim()).filter(Boolean);
  let bytes = 0, words = 0;
  const texts = paths.map(p => { const b = readFileSync(p); bytes += b.length; return b.toString('utf8'); });
  const readS = (performance.now() - t0) / 1000;
  for (const t of texts) { const m = t.match(/\S+/g); words += m ? m.length : 0; }
  return { texts, bytes, words, readS };
}

// best runs one untimed warm-up over the first `warmup` texts (so that the
// JIT has compiled the hot paths, as it would in a long-running service),
// then `passes` timed passes over all texts, and returns the pass that took
// the least CPU time (user+system, all threads of the process).
export function best(texts, passes, warmup, fn) {
  for (const t of texts.slice(0, warmup)) fn(t);
  let wall = 0, cpu = 0;
  for (let i = 0; i < Math.max(1, passes); i++) {
    const w0 = performance.now(), c0 = process.cpuUsage();
    for (const t of texts) fn(t);
    const c = process.cpuUsage(c0);
    const w = (performance.now() - w0) / 1000, cs = (c.user + c.system) / 1e6;
    if (i === 0 || cs < cpu) { wall = w; cpu = cs; }
  }
  return { passes: Math.max(1, passes), wall_s: wall, cpu_s: cpu };
}

export function print(r) { console.log(JSON.stringify(r)); }

// version is the version of an installed package, from its package.json
// (read as a file: some packages do not export it).
export function version(pkg) {
  const u = new URL(`./node_modules/${pkg}/package.json`, import.meta.url);
  return JSON.parse(readFileSync(u, 'utf8')).version;
}
