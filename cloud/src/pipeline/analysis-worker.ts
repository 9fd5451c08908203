/**
 * Worker-thread entry of the analysis pool (analysis-pool.ts): serves tasks
 * on the parent port with the taxonomy the pool passed in workerData.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Taxonomy } from '../analysis/index.js';
import { serveAnalysisTasks } from './analysis-worker-host.js';

if (parentPort) serveAnalysisTasks(parentPort, (workerData as { taxonomy: Taxonomy }).taxonomy);
