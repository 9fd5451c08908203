/**
 * npm run train-tagger [-- --out <file>] [--exclude <set,...>]
 *
 * Trains the learned turn tagger on the annotated training sets
 * (eval/training-sets.ts) with the shipped rules' key-point values, and writes
 * the model file (default cloud/models/turn-tagger.json). Deterministic: the
 * same sets and rules give the same file. Run it after changing the rules or a
 * training set; the test suite fails while the committed model is stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { analyze } from '../analysis/engine.js';
import { runCli } from './cli.js';
import { loadTaxonomy } from '../analysis/taxonomy.js';
import { DEFAULT_TAGGER_PATH, encodeTaggerModel } from '../analysis/learned/tagger-model.js';
import { trainTagger, type TrainingGroup } from '../analysis/learned/train-tagger.js';
import { loadRuleSet } from '../rules/load.js';
import { loadDialogues, toAnalysisInput } from './corpus.js';
import { BLIND_SETS, TRAINING_SETS, describeSet } from './training-sets.js';

function main(): number {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: DEFAULT_TAGGER_PATH },
      exclude: { type: 'string' },
      prune: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log('usage: npm run train-tagger -- [--out file] [--exclude set,set] [--prune weight]');
    return 0;
  }
  const exclude = new Set((values.exclude ?? '').split(',').filter(Boolean));
  const taxonomy = loadTaxonomy();
  const rules = loadRuleSet(undefined, taxonomy, { tagger: null });
  const groups: TrainingGroup[] = [];
  for (const { set, dir } of TRAINING_SETS) {
    if (exclude.has(set)) continue;
    if (BLIND_SETS.includes(set)) throw new Error(`${set} is a blind set: it may not be trained on`);
    const dialogues = loadDialogues(dir);
    groups.push({
      source: describeSet(set, dir),
      conversations: dialogues.map((d) => ({ input: toAnalysisInput(d), profile: d.gold.profile, compliance: d.gold.compliance, keyPoints: d.gold.keyPoints })),
    });
  }
  const n = groups.reduce((s, g) => s + g.conversations.length, 0);
  console.log(`Training the tagger on ${n} dialogues from ${groups.length} sets, rules ${rules.version}`);
  const t0 = performance.now();
  let last = 0;
  const model = trainTagger(groups, taxonomy, {
    version: rules.version,
    keyPoints: (input) => Object.fromEntries(Object.entries(analyze(input, rules, taxonomy).keyPoints).map(([p, r]) => [p, r.value])),
  }, {
    homophones: rules.homophones,
    ...(values.prune !== undefined ? { pruneBelow: Number(values.prune) } : {}),
    progress: (done, total) => {
      const pct = Math.floor((done / total) * 100);
      if (pct >= last + 10 || done === total) {
        last = pct;
        console.log(`  ${String(pct).padStart(3)}%  ${done}/${total} labels  ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      }
    },
  });
  const text = encodeTaggerModel(model);
  mkdirSync(path.dirname(values.out), { recursive: true });
  writeFileSync(values.out, text);
  const weights = model.labels.reduce((s, l) => s + l.features.length, 0);
  console.log(`Wrote ${values.out}: model ${model.version}, ${model.labels.length} labels, ${weights} weights, ${(text.length / 1024).toFixed(0)} KiB`);
  return 0;
}

runCli(main);
