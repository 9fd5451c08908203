/**
 * Child process that owns the native sherpa-onnx models (recognizer or
 * speaker-embedding extractor). A bad model can abort the process from native
 * code; running here keeps the server alive (the parent sees the exit and
 * fails the request). Messages (advanced IPC serialisation):
 *   in:  {type:'init', kind:'asr', dir, modelType, numThreads} | {type:'init', kind:'embedder', model, numThreads}
 *        {type:'transcribe', id, samples, sampleRate} | {type:'embed', id, samples, sampleRate}
 *   out: {type:'ready'} | {type:'result', id, ...} | {type:'error', id?, message}
 */
import type { AsrModelFiles } from './model-files.js';
import { checkOnnxFile, resolveModelFiles } from './model-files.js';
import { sherpa, type SherpaOfflineRecognizer, type SherpaSpeakerEmbeddingExtractor } from './sherpa-native.js';

type InMessage =
  | { type: 'init'; kind: 'asr'; dir: string; modelType: AsrModelFiles['type'] | 'auto'; numThreads: number }
  | { type: 'init'; kind: 'embedder'; model: string; numThreads: number }
  | { type: 'transcribe' | 'embed'; id: number; samples: Float32Array; sampleRate: number };

let recognizer: SherpaOfflineRecognizer | null = null;
let extractor: SherpaSpeakerEmbeddingExtractor | null = null;

function send(msg: Record<string, unknown>): void {
  process.send?.(msg);
}

function modelConfig(files: AsrModelFiles, numThreads: number): Record<string, unknown> {
  const base = { tokens: files.tokens, numThreads, provider: 'cpu', debug: 0 };
  switch (files.type) {
    case 'paraformer':
      return { ...base, paraformer: { model: files.model } };
    case 'sense_voice':
      return { ...base, senseVoice: { model: files.model, language: 'zh', useInverseTextNormalization: 1 } };
    case 'transducer':
      return { ...base, transducer: { encoder: files.encoder, decoder: files.decoder, joiner: files.joiner } };
    case 'whisper':
      return { ...base, whisper: { encoder: files.encoder, decoder: files.decoder, language: 'zh', task: 'transcribe' } };
  }
}

process.on('message', (raw: unknown) => {
  const msg = raw as InMessage;
  try {
    if (msg.type === 'init' && msg.kind === 'asr') {
      // Validate again here: the files may have changed since the parent looked.
      const files = resolveModelFiles(msg.dir, msg.modelType);
      recognizer = new (sherpa().OfflineRecognizer)({
        featConfig: { sampleRate: 16000, featureDim: 80 },
        modelConfig: modelConfig(files, msg.numThreads),
        decodingMethod: 'greedy_search',
      });
      send({ type: 'ready' });
    } else if (msg.type === 'init' && msg.kind === 'embedder') {
      checkOnnxFile(msg.model);
      extractor = new (sherpa().SpeakerEmbeddingExtractor)({ model: msg.model, numThreads: msg.numThreads, provider: 'cpu', debug: 0 });
      send({ type: 'ready' });
    } else if (msg.type === 'transcribe') {
      if (!recognizer) throw new Error('recognizer not initialised');
      const stream = recognizer.createStream();
      stream.acceptWaveform({ samples: msg.samples, sampleRate: msg.sampleRate });
      recognizer.decode(stream);
      const r = recognizer.getResult(stream);
      const probs = r.ys_probs;
      const confidence = probs && probs.length > 0 ? Math.exp(probs.reduce((a, b) => a + b, 0) / probs.length) : null;
      send({ type: 'result', id: msg.id, text: r.text.trim(), confidence });
    } else if (msg.type === 'embed') {
      if (!extractor) throw new Error('speaker embedding extractor not initialised');
      const stream = extractor.createStream();
      stream.acceptWaveform({ samples: msg.samples, sampleRate: msg.sampleRate });
      stream.inputFinished();
      if (!extractor.isReady(stream)) throw new Error('segment too short for a speaker embedding');
      send({ type: 'result', id: msg.id, embedding: Float32Array.from(extractor.compute(stream, false)) });
    }
  } catch (err) {
    send({ type: 'error', id: 'id' in msg ? msg.id : undefined, message: err instanceof Error ? err.message : String(err) });
  }
});

process.on('disconnect', () => process.exit(0));
