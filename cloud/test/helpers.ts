import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';

export const SHARED = join(import.meta.dirname, '..', '..', '..', 'shared');
export const REAL_AUDIO = join(SHARED, 'audio', 'real');

export const silentLogger = () => pino({ level: 'silent' });

/** A compliance rule that flags a made-up product name (so its effect is unmistakable). */
export const MARS_RULE = `id: compliance.test.mars_plan
kind: compliance
rule: promise_guarantee
description: 火星计划是虚构的产品名
conditions:
  mars:
    role: staff
    match:
      any: [火星计划]
when: mars
`;

export function tempDir(prefix = 'parley-cloud-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface CorpusDialogue {
  id: string;
  channel: 'phone' | 'badge';
  turns: Array<{ role: 'staff' | 'customer'; text: string }>;
  gold: {
    profile: Array<{ family: string; tag: string; value: string }>;
    compliance: Array<{ rule: string }>;
    keyPoints: Record<string, boolean | null>;
  };
}

export function corpusDialogue(id: string): CorpusDialogue {
  return JSON.parse(readFileSync(join(SHARED, 'corpus', 'dev', `${id}.json`), 'utf8')) as CorpusDialogue;
}

/** Runs a Debian audio tool (sox, ffmpeg, opusenc); throws with its stderr. */
export function run(cmd: string, args: string[]): void {
  execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Stereo 8 kHz phone WAV: agent on the left (real speech), customer on the right (another clip, quieter). */
export function makeStereoPhoneWav(dir: string): string {
  const out = join(dir, 'stereo.wav');
  run('sox', ['-M', join(REAL_AUDIO, 'phone-8k.wav'), '|sox ' + join(REAL_AUDIO, '1.wav') + ' -r 8000 -p', out]);
  return out;
}
