/**
 * One utterance spoken by espeak-ng and resampled by sox to the badge's
 * format (16 kHz mono, float samples in [-1, 1)).
 */
import { runProgram } from '../external-program.js';
import { int16ToFloat, s16leToInt16 } from './pcm.js';
import type { VoiceProfile } from './voices.js';

let espeakVersion: Promise<string> | undefined;

/** espeak-ng's version line; part of every speech cache key (another version speaks differently). */
export function espeakNgVersion(): Promise<string> {
  espeakVersion ??= runProgram('espeak-ng', ['--version']).then((b) => b.toString('utf8').split(/\s+Data at/)[0]!.trim());
  espeakVersion.catch(() => {
    espeakVersion = undefined;
  });
  return espeakVersion;
}

export async function speakUtterance(text: string, voice: VoiceProfile, sampleRate: number): Promise<Float32Array> {
  // Text goes through stdin so that nothing in it can be read as an option.
  const wav = await runProgram(
    'espeak-ng',
    ['--stdout', '--stdin', '-v', `${voice.voice}+${voice.variant}`, '-p', String(voice.pitch), '-s', String(voice.speed)],
    { stdin: text },
  );
  const raw = await runProgram(
    'sox',
    // -D: no dither, so the same text always gives the same samples (the cache depends on it).
    ['-q', '-D', '-t', 'wav', '-', '-t', 'raw', '-e', 'signed-integer', '-b', '16', '-c', '1', '-r', String(sampleRate), '-L', '-', 'rate', '-v'],
    { stdin: wav },
  );
  return int16ToFloat(s16leToInt16(raw));
}

export type NoiseColour = 'brown' | 'pink' | 'white';

/** sox-synthesised noise (repeatable: sox -R), float samples. */
export async function synthNoise(colour: NoiseColour, samples: number, sampleRate: number): Promise<Float32Array> {
  const raw = await runProgram('sox', [
    '-q', '-R', '-n',
    '-t', 'raw', '-e', 'signed-integer', '-b', '16', '-c', '1', '-r', String(sampleRate), '-L', '-',
    'synth', `${samples}s`, `${colour}noise`,
  ]);
  return int16ToFloat(s16leToInt16(raw));
}
