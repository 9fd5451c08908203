/**
 * `npm start`: the main job (gateway + analysis pipeline; gateway/src/main-job.ts)
 * with the web badge mounted at /badge/ (docs/simulator.md, "Web badge";
 * `webBadge.enabled: false` turns it off). The entry point lives here because
 * the web badge is bundled from the firmware by this package, which depends
 * on the gateway: the gateway takes it from its caller and never imports it.
 */
import { runMainJob } from '@parley/gateway/main-job';
import { webBadgeExtension } from '../web-badge/web-badge-app.js';

runMainJob({ argv: process.argv.slice(2), env: process.env, webBadge: webBadgeExtension }).catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
