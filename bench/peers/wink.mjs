// Peer (d) of the side-by-side benchmark (bench/run.sh): wink-nlp with the
// wink-eng-lite-web-model, installed by run.sh outside the repository (run.sh
// copies this script next to the node_modules it installed). Per document:
// readDoc, then its sentences and its named entities (with their types)
// taken out as plain values. The model is loaded once;
// --pipe default runs wink's whole default pipeline (sentence boundaries,
// negation, sentiment, NER, POS, custom entities), --pipe min only what
// sentences and entities need (sbd, ner).
import { performance } from 'node:perf_hooks';
import { args, load, best, print, version } from './common.mjs';

const a = args();
// Load time: importing the library and the model, and instantiating them.
const t0 = performance.now();
const { default: winkNLP } = await import('wink-nlp');
const { default: model } = await import('wink-eng-lite-web-model');
const pipeArg = process.argv.includes('--pipe') ? process.argv[process.argv.indexOf('--pipe') + 1] : 'default';
const nlp = pipeArg === 'min' ? winkNLP(model, ['sbd', 'ner']) : winkNLP(model);
const its = nlp.its;
const loadS = (performance.now() - t0) / 1000;

const { texts, bytes, words, readS } = load(a.list);
let sentences = 0, entities = 0;
const r = best(texts, a.passes, a.warmup, (t) => {
  const doc = nlp.readDoc(t);
  sentences += doc.sentences().out().length;
  entities += doc.entities().out(its.detail).length;
});
print({
  contender: `wink-nlp ${version('wink-nlp')} + wink-eng-lite-web-model ${version('wink-eng-lite-web-model')}, ${pipeArg === 'min' ? 'pipe sbd+ner' : 'default pipe'} (sentences, entities)`,
  scope: a.scope, files: texts.length, bytes, words, load_s: loadS, read_s: readS, ...r,
  note: `${sentences} sentences, ${entities} entities (all passes incl. warm-up)`,
});
