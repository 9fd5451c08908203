import { runMainJob } from './main-job.js';

/**
 * The main job (gateway + analysis pipeline, see main-job.ts) without the web
 * badge, which lives in @parley/tools: `npm start` runs tools/src/start/main.ts,
 * the same job with the web badge mounted. This entry is for deployments and
 * tools that run the gateway package alone (the simulator's crash-restart
 * supervisor spawns it).
 */
runMainJob({ argv: process.argv.slice(2), env: process.env }).catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
