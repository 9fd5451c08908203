/**
 * What the demo puts into a fresh main job besides the simulated badges, so
 * that the web apps have something to show within minutes:
 *
 * - two users (a fleet admin and an analyst) with generated passwords, for
 *   /admin/ and /app/;
 * - the corpus's phone dialogues uploaded as calls with the call system's own
 *   transcript (`POST /api/v1/cloud/calls`), the way a bank's call recorder
 *   feeds the pipeline. They are analysed at once. Badge sessions go through
 *   the same pipeline but need a speech model to be transcribed
 *   (docs/asr.md); without one they wait in "awaiting transcription".
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DemoUser {
  id: string;
  role: 'admin' | 'analyst';
  password: string;
}

export interface DemoStaff {
  staffId: string;
  name: string;
  branchId: string;
}

interface CorpusDialogue {
  id: string;
  channel: string;
  turns: Array<{ role: string; text: string }>;
}

async function request(url: string, token: string, init: { method: string; body: string | FormData; json?: boolean }): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (init.json) headers['content-type'] = 'application/json';
  return fetch(url, { method: init.method, headers, body: init.body });
}

/** Creates the demo's users; the passwords are new on every run (the demo wipes its data). */
export async function createDemoUsers(httpUrl: string, token: string): Promise<DemoUser[]> {
  const users: DemoUser[] = [
    { id: 'demo-admin', role: 'admin', password: randomBytes(12).toString('base64url') },
    { id: 'demo-analyst', role: 'analyst', password: randomBytes(12).toString('base64url') },
  ];
  for (const u of users) {
    const res = await request(`${httpUrl}/api/v1/users`, token, { method: 'POST', body: JSON.stringify(u), json: true });
    if (res.status !== 201) throw new Error(`creating the demo user ${u.id} failed: HTTP ${res.status} ${await res.text()}`);
  }
  return users;
}

/** Characters per second of speech used to give the uploaded transcript plausible times. */
const CHARS_PER_SECOND = 4;

/**
 * Uploads every phone dialogue of the corpus as a call with its transcript,
 * handled by the demo's staff in turn, spread over the last `spreadHours`
 * hours. Returns how many were accepted.
 */
export async function uploadDemoCalls(opts: {
  httpUrl: string;
  token: string;
  corpusDir: string;
  staff: readonly DemoStaff[];
  now: number;
  spreadHours?: number;
}): Promise<number> {
  if (opts.staff.length === 0) return 0;
  const files = readdirSync(opts.corpusDir).filter((f) => f.endsWith('.json')).sort();
  const phone = files
    .map((f) => JSON.parse(readFileSync(join(opts.corpusDir, f), 'utf8')) as CorpusDialogue)
    .filter((d) => d.channel === 'phone');
  const spreadMs = (opts.spreadHours ?? 48) * 3_600_000;
  let accepted = 0;
  for (const [i, d] of phone.entries()) {
    const staff = opts.staff[i % opts.staff.length]!;
    let t = 0;
    const transcript = d.turns.map((turn) => {
      const startMs = t;
      t += Math.max(1500, Math.round((turn.text.length / CHARS_PER_SECOND) * 1000));
      const segment = { speaker: turn.role === 'staff' ? '坐席' : '客户', text: turn.text, startMs, endMs: t };
      t += 600;
      return segment;
    });
    const startTime = opts.now - spreadMs + Math.round((spreadMs * i) / phone.length);
    const metadata = {
      callId: `demo-${d.id}`,
      agentId: staff.staffId,
      agentName: staff.name,
      branchId: staff.branchId,
      customerNumber: `1380013${String(8000 + i).padStart(4, '0')}`,
      direction: i % 3 === 0 ? 'inbound' : 'outbound',
      startTime,
      endTime: startTime + t,
      transcript,
    };
    const form = new FormData();
    form.append('metadata', JSON.stringify(metadata));
    const res = await request(`${opts.httpUrl}/api/v1/cloud/calls`, opts.token, { method: 'POST', body: form });
    if (res.status !== 201 && res.status !== 200) throw new Error(`uploading the demo call ${metadata.callId} failed: HTTP ${res.status} ${await res.text()}`);
    accepted++;
  }
  return accepted;
}
