/**
 * Which annotated sets the learned tagger is trained on, and which it must
 * never see. The blind sets measure the engine on conversations nothing in it
 * was fitted to (docs/rules.md, "What to expect on unseen conversations"):
 * adding one here spends it, and a new blind set must then be written by
 * someone who has not seen the engine.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TrainingSource } from '../analysis/learned/tagger-model.js';
import { DEFAULT_CORPUS_DIR } from './corpus.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures');

/** Sets the rules were written or tuned on: the tagger learns from them too. */
export const TRAINING_SETS: readonly { set: string; dir: string }[] = [
  { set: 'dev', dir: DEFAULT_CORPUS_DIR },
  { set: 'dialogues', dir: path.join(FIXTURES, 'dialogues') },
  ...[2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16].map((n) => ({ set: `heldout-${n}`, dir: path.join(FIXTURES, `heldout-${n}`) })),
  // written for the tagger by writers who saw neither the engine nor the other sets (docs/rules.md, "The learned
  // tagger"); the rules were tuned by concept on training 1-4 and 11-17 in session 11; 18-20 (session 12) are
  // read by the rules for profile in session 13, as were 21-22 (written in session 13, scored unseen first); 23-24
  // (session 13) were scored unseen and are unread by the rules
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24].map((n) => ({ set: `training-${n}`, dir: path.join(FIXTURES, `training-${n}`) })),
];

/** Sets kept blind: neither the rules nor the tagger may be fitted to them. */
export const BLIND_SETS: readonly string[] = ['heldout-17', 'heldout-18', 'heldout-19', 'heldout-20', 'heldout-21', 'heldout-22', 'heldout-23', 'heldout-24', 'heldout-25', 'heldout-26', 'heldout-27'];

export function fixtureDir(set: string): string {
  return set === 'dev' ? DEFAULT_CORPUS_DIR : path.join(FIXTURES, set);
}

/** A set's identity for the model file: its dialogue count and the sha256 of its files in name order. */
export function describeSet(set: string, dir: string): TrainingSource {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const h = createHash('sha256');
  for (const f of files) {
    h.update(f);
    h.update(readFileSync(path.join(dir, f)));
  }
  return { set, dialogues: files.length, sha256: h.digest('hex') };
}
