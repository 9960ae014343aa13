// Peer (e) of the side-by-side benchmark (bench/run.sh): compromise,
// installed by run.sh outside the repository (run.sh copies this script next
// to the node_modules it installed). Per document: nlp(text), then its
// quotations and its people taken out as arrays of text.
import { performance } from 'node:perf_hooks';
import { args, load, best, print, version } from './common.mjs';

const a = args();
// Load time: importing the library and its first (lexicon-building) call.
const t0 = performance.now();
const { default: nlp } = await import('compromise');
nlp('Warm the lexicon up, said Jane Doe.'); // compromise builds its lexicon lazily
const loadS = (performance.now() - t0) / 1000;

const { texts, bytes, words, readS } = load(a.list);
let quotes = 0, people = 0;
const r = best(texts, a.passes, a.warmup, (t) => {
  const doc = nlp(t);
  quotes += doc.quotations().out('array').length;
  people += doc.people().out('array').length;
});
print({
  contender: `compromise ${version('compromise')} (quotations, people)`,
  scope: a.scope, files: texts.length, bytes, words, load_s: loadS, read_s: readS, ...r,
  note: `${quotes} quotations, ${people} people (all passes incl. warm-up)`,
});
