import { openSync, readSync, closeSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PipelineError } from '../errors.js';

/**
 * Checks a sherpa-onnx offline model directory before anything loads it:
 * sherpa-onnx aborts the whole process (no JS error) on a missing or corrupt
 * model file, so every file it will open must exist, be non-trivial and look
 * like what it claims to be (ONNX protobuf, token table).
 */
export type AsrModelType = 'paraformer' | 'sense_voice' | 'transducer' | 'whisper';

export interface AsrModelFiles {
  type: AsrModelType;
  tokens: string;
  /** paraformer / sense_voice */
  model?: string;
  /** transducer / whisper */
  encoder?: string;
  decoder?: string;
  /** transducer */
  joiner?: string;
}

const invalid = (detail: string) => new PipelineError('ASR_MODEL_INVALID', detail, { retryable: false });

/** Prefers the int8-quantised variant when both exist (4x smaller, same accuracy class on CPU). */
function pick(files: string[], stem: RegExp): string | undefined {
  const matches = files.filter((f) => stem.test(f) && f.endsWith('.onnx'));
  return matches.find((f) => f.includes('int8')) ?? matches[0];
}

/**
 * An ONNX file is a protobuf ModelProto whose first field is ir_version
 * (field 1, varint: tag byte 0x08) and that is at least a few KB.
 */
export function checkOnnxFile(path: string): void {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw invalid(`${path} does not exist`);
  }
  if (size < 1024) throw invalid(`${path} is only ${size} bytes`);
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(16);
    readSync(fd, head, 0, 16, 0);
    if (head[0] !== 0x08) throw invalid(`${path} is not an ONNX model (bad header)`);
    const tail = Buffer.alloc(64);
    const n = readSync(fd, tail, 0, 64, Math.max(0, size - 64));
    if (n < Math.min(64, size)) throw invalid(`${path} is truncated`);
  } finally {
    closeSync(fd);
  }
}

/** tokens.txt: one "symbol id" per line, ids 0..n-1. */
export function checkTokensFile(path: string): number {
  let text: string;
  try {
    const fd = openSync(path, 'r');
    try {
      const size = statSync(path).size;
      if (size > 16 * 1024 * 1024) throw invalid(`${path} is implausibly large`);
      const buf = Buffer.alloc(size);
      readSync(fd, buf, 0, size, 0);
      text = buf.toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    if (err instanceof PipelineError) throw err;
    throw invalid(`${path} does not exist`);
  }
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length < 2) throw invalid(`${path} has no tokens`);
  lines.forEach((line, i) => {
    const m = /^(.*\S)?\s+(\d+)$/.exec(line) ?? /^()(\d+)$/.exec(line.trim());
    if (!m) throw invalid(`${path} line ${i + 1} is not "token id"`);
  });
  return lines.length;
}

export function resolveModelFiles(dir: string, requested: AsrModelType | 'auto' = 'auto'): AsrModelFiles {
  let files: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a directory');
    files = readdirSync(dir);
  } catch {
    throw invalid(`${dir} is not a readable directory`);
  }
  const tokens = files.find((f) => /tokens\.txt$/.test(f));
  if (!tokens) throw invalid(`${dir} has no tokens.txt`);
  const encoder = pick(files, /encoder/);
  const decoder = pick(files, /decoder/);
  const joiner = pick(files, /joiner/);
  const model = pick(files, /^model/);
  const lower = dir.toLowerCase();
  let type: AsrModelType;
  if (requested !== 'auto') type = requested;
  else if (encoder && decoder && joiner) type = 'transducer';
  else if (encoder && decoder) type = 'whisper';
  else if (model && /sense[-_]?voice/.test(lower)) type = 'sense_voice';
  else if (model && /paraformer/.test(lower)) type = 'paraformer';
  else if (model) {
    throw invalid(`${dir}: cannot tell Paraformer from SenseVoice; set asr.modelType`);
  } else throw invalid(`${dir} has no model.onnx or encoder/decoder files`);

  const out: AsrModelFiles = { type, tokens: join(dir, tokens) };
  if (type === 'paraformer' || type === 'sense_voice') {
    if (!model) throw invalid(`${dir} has no model*.onnx`);
    out.model = join(dir, model);
  } else {
    if (!encoder || !decoder) throw invalid(`${dir} needs encoder and decoder .onnx files`);
    out.encoder = join(dir, encoder);
    out.decoder = join(dir, decoder);
    if (type === 'transducer') {
      if (!joiner) throw invalid(`${dir} has no joiner .onnx`);
      out.joiner = join(dir, joiner);
    }
  }
  for (const f of [out.model, out.encoder, out.decoder, out.joiner]) if (f) checkOnnxFile(f);
  checkTokensFile(out.tokens);
  return out;
}
