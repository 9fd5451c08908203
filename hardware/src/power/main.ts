/**
 * `npm run power [-- --json]`: prints the badge's power budget: recording
 * hours per charge for each upload policy, hours of audio in flash per
 * bitrate, and the default upload policy.
 */
import { badgeBoard } from '../boards/badge.js';
import { buildPowerReport, formatPowerReport } from './report.js';

const report = buildPowerReport(badgeBoard);
if (process.argv.includes('--json')) console.log(JSON.stringify(report, null, 2));
else console.log(formatPowerReport(report));
if (!report.goal.met) process.exitCode = 1;
