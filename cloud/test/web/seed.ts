/**
 * Seeds a cloud store for the browser test: real corpus dialogues uploaded as
 * phone calls with their call-system transcripts and a real Ogg Opus
 * recording (real speech from shared/audio/real, cut with sox to the
 * transcript's length, encoded with opusenc), through the real pipeline.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Pipeline } from '../../src/index.js';
import { badgeSession, makeBadgeOgg } from '../helpers-badge.js';
import { REAL_AUDIO, corpusDialogue, run } from '../helpers.js';

/** Each transcript line lasts TURN_MS; line i starts at i * TURN_MS. */
export const TURN_MS = 4000;

export interface SeedCall {
  dialogue: string;
  staffId: string;
  teamId: string;
  branchId: string;
  startTime: string;
}

export const SEED_CALLS: SeedCall[] = [
  { dialogue: 'dev-002', staffId: 'agent-1', teamId: 'team-a', branchId: 'branch-1', startTime: '2026-11-16T09:00:00+08:00' },
  { dialogue: 'dev-005', staffId: 'agent-1', teamId: 'team-a', branchId: 'branch-1', startTime: '2026-11-16T10:00:00+08:00' },
  { dialogue: 'dev-006', staffId: 'agent-2', teamId: 'team-a', branchId: 'branch-1', startTime: '2026-11-17T09:30:00+08:00' },
  { dialogue: 'dev-010', staffId: 'agent-2', teamId: 'team-a', branchId: 'branch-1', startTime: '2026-11-17T14:00:00+08:00' },
  { dialogue: 'dev-014', staffId: 'agent-3', teamId: 'team-b', branchId: 'branch-2', startTime: '2026-11-18T11:00:00+08:00' },
  { dialogue: 'dev-027', staffId: 'agent-3', teamId: 'team-b', branchId: 'branch-2', startTime: '2026-11-18T15:00:00+08:00' },
  { dialogue: 'dev-031', staffId: 'agent-3', teamId: 'team-b', branchId: 'branch-2', startTime: '2026-11-19T10:00:00+08:00' },
  { dialogue: 'dev-033', staffId: 'agent-1', teamId: 'team-a', branchId: 'branch-1', startTime: '2026-11-19T16:00:00+08:00' },
];

export const DIRECTORY = {
  branches: { 'branch-1': '城东支行', 'branch-2': '城西支行' },
  teams: { 'team-a': ['财富一组', 'branch-1'], 'team-b': ['财富二组', 'branch-2'] },
  staff: { 'agent-1': ['王敏', 'team-a', 'branch-1'], 'agent-2': ['李强', 'team-a', 'branch-1'], 'agent-3': ['张丽', 'team-b', 'branch-2'] },
} as const;

/** Mono 16 kHz Ogg Opus of real speech, exactly `ms` long (looped clips, then trimmed). */
export function makeOggOpus(dir: string, name: string, ms: number): string {
  const wav = join(dir, `${name}.wav`);
  const ogg = join(dir, `${name}.ogg`);
  const clips = ['0.wav', '1.wav', '2.wav', '3.wav', '4.wav'].map((f) => join(REAL_AUDIO, f));
  const looped = Array.from({ length: Math.ceil(ms / 20_000) + 1 }, () => clips).flat();
  run('sox', [...looped, '-r', '16000', '-c', '1', wav, 'trim', '0', (ms / 1000).toFixed(3)]);
  run('opusenc', ['--quiet', '--bitrate', '24', wav, ogg]);
  return ogg;
}

function multipart(fields: Record<string, string>, file: { name: string; data: Buffer; type: string }) {
  const boundary = '----parley' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="audio"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function put(app: FastifyInstance, url: string, body: object): Promise<void> {
  const res = await app.inject({ method: 'PUT', url, payload: body });
  if (res.statusCode !== 200) throw new Error(`PUT ${url}: ${res.statusCode} ${res.body}`);
}

/** Uploads the seed calls through the API; returns their conversation ids. */
export async function seedCalls(app: FastifyInstance, dir: string): Promise<string[]> {
  const api = '/api/v1/cloud';
  for (const [id, name] of Object.entries(DIRECTORY.branches)) await put(app, `${api}/directory/branches/${id}`, { name });
  for (const [id, [name, branchId]] of Object.entries(DIRECTORY.teams)) await put(app, `${api}/directory/teams/${id}`, { name, branchId });
  for (const [id, [name, teamId, branchId]] of Object.entries(DIRECTORY.staff)) await put(app, `${api}/directory/staff/${id}`, { name, teamId, branchId });
  const ids: string[] = [];
  for (const [i, call] of SEED_CALLS.entries()) {
    const d = corpusDialogue(call.dialogue);
    const ms = d.turns.length * TURN_MS;
    const ogg = makeOggOpus(dir, call.dialogue, ms);
    const metadata = {
      callId: `call-${call.dialogue}`,
      agentId: call.staffId,
      teamId: call.teamId,
      branchId: call.branchId,
      customerNumber: `1380013800${i}`,
      direction: 'outbound',
      startTime: call.startTime,
      endTime: new Date(Date.parse(call.startTime) + ms).toISOString(),
      transcript: d.turns.map((t, n) => ({ speaker: t.role === 'staff' ? '坐席' : '客户', text: t.text, startMs: n * TURN_MS, endMs: n * TURN_MS + TURN_MS - 200 })),
    };
    const res = await app.inject({
      method: 'POST',
      url: `${api}/calls`,
      ...multipart({ metadata: JSON.stringify(metadata) }, { name: 'call.ogg', data: readFileSync(ogg), type: 'audio/ogg' }),
    });
    if (res.statusCode !== 201) throw new Error(`upload ${call.dialogue}: ${res.statusCode} ${res.body}`);
    ids.push((res.json() as { conversationId: string }).conversationId);
  }
  return ids;
}

/** The badge session of the seed: real speech, one stretch of lost audio, no ASR model here so it waits for transcription. */
export const SEED_BADGE = { sessionId: 'badc0ffee0ddf00d0123456789abcdef', gap: { startMs: 18_000, endMs: 18_500 } };

/** Hands one finalised badge session (Ogg Opus with a gap) to the pipeline as the gateway's outbox would. */
export async function seedBadgeSession(pipeline: Pipeline, dir: string): Promise<void> {
  const { path } = makeBadgeOgg(dir);
  await pipeline.consumeBadgeSession(
    badgeSession(path, {
      sessionId: SEED_BADGE.sessionId,
      staffId: 'agent-2',
      branchId: 'branch-1',
      gaps: [{ firstFrame: 900, frameCount: 25, startMs: SEED_BADGE.gap.startMs, endMs: SEED_BADGE.gap.endMs, cause: 'lost' }],
    }),
  );
}
