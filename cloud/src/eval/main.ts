/**
 * npm run eval [-- <dir>] [--json] [--predictions <file>] [--only <regex>]
 *   [--rules <dir|file>] [--taxonomy <file>] [--errors] [--against <file>]
 *   [--tagger <model file> | --no-tagger]
 *
 * Scores the analysis engine on a folder of annotated dialogues (default
 * ../shared/corpus/dev/) in the units of ../shared/corpus/README.md.
 * --only keeps dialogues whose id matches the regex (e.g. held-out ids);
 * --errors lists every disagreement; exit code 0 either way (targets are
 * enforced by the test suite, not here).
 * --against scores annotations from a file in the gold format keyed by
 * dialogue id (another system's predictions, or a second annotator's work)
 * instead of running the engine: the same units, so two annotators'
 * agreement reads like the engine's figures. The shipped rules run with the
 * shipped learned tagger (cloud/models/turn-tagger.json); --no-tagger scores
 * the rules alone, --tagger another model file.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadRuleSet } from '../rules/load.js';
import { loadTaxonomy } from '../analysis/taxonomy.js';
import { loadTaggerModel } from '../analysis/learned/tagger-model.js';
import { runCli } from './cli.js';
import { DEFAULT_CORPUS_DIR, loadDialogues } from './corpus.js';
import { evaluateDialogues } from './run.js';
import { loadPredictions } from './predictions.js';
import { score, type Scores } from './scorer.js';
import { formatTable, toJson } from './report.js';

function printErrors(errors: Scores['errors']): void {
  console.log('\nDisagreements');
  for (const e of errors) console.log(`  ${e.dialogue} ${e.kind} ${e.item}: expected ${e.expected}, found ${e.found}`);
}

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      predictions: { type: 'string' },
      only: { type: 'string' },
      rules: { type: 'string' },
      taxonomy: { type: 'string' },
      errors: { type: 'boolean', default: false },
      against: { type: 'string' },
      tagger: { type: 'string' },
      'no-tagger': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log('usage: npm run eval -- [dir] [--json] [--predictions file] [--only regex] [--rules dir] [--taxonomy file] [--errors] [--against annotations.json] [--tagger model.json | --no-tagger]');
    return 0;
  }
  const dir = positionals[0] ?? DEFAULT_CORPUS_DIR;
  const taxonomy = loadTaxonomy(values.taxonomy);
  let dialogues = loadDialogues(dir);
  if (values.only) {
    const re = new RegExp(values.only);
    dialogues = dialogues.filter((d) => re.test(d.id));
  }
  if (values.against) {
    const theirs = loadPredictions(values.against, dialogues);
    const scores = score(new Map(dialogues.map((d) => [d.id, d.gold])), theirs);
    if (values.json) console.log(JSON.stringify({ ...toJson(scores), against: values.against }, null, 2));
    else {
      console.log(formatTable(scores, `Annotations in ${values.against} scored against the gold of ${dir}${values.only ? ` (only ${values.only})` : ''}`));
      if (values.errors) printErrors(scores.errors);
    }
    return 0;
  }
  const tagger = values['no-tagger'] ? null : values.tagger ? loadTaggerModel(values.tagger) : undefined;
  const rules = loadRuleSet(values.rules, taxonomy, { tagger });
  const { scores, predictions, analysisMs } = evaluateDialogues(dialogues, rules, taxonomy);
  if (values.predictions) {
    writeFileSync(values.predictions, JSON.stringify(Object.fromEntries(predictions), null, 2) + '\n');
  }
  if (values.json) {
    console.log(JSON.stringify({ ...toJson(scores), rulesVersion: rules.version, taggerVersion: rules.tagger?.version ?? null, analysisMs }, null, 2));
  } else {
    const engine = `rules ${rules.version}${rules.tagger ? ` + tagger ${rules.tagger.version}` : ' (no tagger)'}`;
    console.log(formatTable(scores, `Parley analysis eval — ${engine} on ${dir}${values.only ? ` (only ${values.only})` : ''}`));
    const perSecond = analysisMs > 0 ? (dialogues.length / analysisMs) * 1000 : 0;
    console.log(`\nAnalysis time: ${analysisMs.toFixed(0)} ms for ${dialogues.length} dialogues (${perSecond.toFixed(1)} dialogues/s on one core after one warm-up call)`);
    if (values.errors) printErrors(scores.errors);
  }
  return 0;
}

runCli(main);
