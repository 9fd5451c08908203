/**
 * Simulator tools from the command line:
 *
 *   npx tsx tools/src/cli/main.ts scenario <file.yaml>...   validate, plan and summarise scenarios
 *   npx tsx tools/src/cli/main.ts speak <dialogue> <out.wav> [noise-colour:snr-db]
 *   npx tsx tools/src/cli/main.ts generate <count> <seed>    print generated dialogues as JSON
 *
 * <dialogue> is a corpus id (dev-001, looked up in PARLEY_CORPUS_DIR or
 * ../shared/corpus/dev) or a path to a dialogue JSON file. Exits 1 with the
 * error's message on bad input.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isToolsError } from '../errors.js';
import { planConversations, resolveDialogues } from '../scenario/conversation-plan.js';
import { generateDialogues } from '../scenario/dialogue-generator.js';
import { loadScenarioFile } from '../scenario/scenario-file.js';
import { summarizeScenario } from '../scenario/scenario-summary.js';
import { synthesizeConversation, type NoiseOptions } from '../speech/conversation-audio.js';
import { encodeWav } from '../speech/pcm.js';
import { defaultCorpusDir, loadCorpusScript } from '../speech/script.js';

const USAGE = `usage:
  scenario <file.yaml>...                    validate, plan and summarise
  speak <dialogue-id|file.json> <out.wav> [brown|pink|white:<snr-db>]
  generate <count> <seed>                    generated dialogues as JSON`;

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'scenario': {
      if (args.length === 0) break;
      for (const file of args) {
        const scenario = await loadScenarioFile(file);
        const pool = await resolveDialogues(scenario, defaultCorpusDir());
        console.log(summarizeScenario(scenario, planConversations(scenario, pool)));
        console.log(`  dialogue pool: ${pool.length}\n`);
      }
      return 0;
    }
    case 'speak': {
      const [dialogue, out, noiseArg] = args;
      if (!dialogue || !out) break;
      const path = dialogue.endsWith('.json') ? dialogue : join(defaultCorpusDir(), `${dialogue}.json`);
      const script = await loadCorpusScript(path);
      let noise: NoiseOptions | null = null;
      if (noiseArg) {
        const [colour, snr] = noiseArg.split(':');
        noise = { colour: colour as NoiseOptions['colour'], snrDb: Number(snr) };
      }
      const track = await synthesizeConversation(script, { noise });
      await writeFile(out, encodeWav(track.pcm, track.sampleRate));
      console.log(`${out}: ${(track.durationMs / 1000).toFixed(1)} s, ${track.timeline.length} turns, customer ${track.customerGainDb} dB${track.fromCache ? ' (cached)' : ''}`);
      for (const t of track.timeline) console.log(`  ${String(t.startMs).padStart(7)}–${String(t.endMs).padEnd(7)} ${t.role.padEnd(8)} ${t.text}`);
      return 0;
    }
    case 'generate': {
      const count = Number(args[0]);
      const seed = Number(args[1] ?? 1);
      if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) break;
      console.log(JSON.stringify(generateDialogues({ count, seed }), null, 2));
      return 0;
    }
  }
  console.error(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(isToolsError(e) ? `${e.code}: ${e.message}` : e);
    process.exit(1);
  },
);
