import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { build, type AccessEvent, type Pipeline, type RulesChangeEvent } from '../../src/index.js';
import type { SqliteConversationStore } from '../../src/store/sqlite-store.js';
import { corpusDialogue, makeStereoPhoneWav, MARS_RULE, silentLogger, tempDir } from '../helpers.js';

const API = '/api/v1/cloud';

function multipart(fields: Record<string, string>, file?: { name: string; data: Buffer; type: string }) {
  const boundary = '----parley' + Math.random().toString(16).slice(2);
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="audio"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`),
      file.data,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}


describe('rules, reviews and waveform peaks API', { timeout: 60_000 }, () => {
  let tmp: ReturnType<typeof tempDir>;
  let app: FastifyInstance;
  let pipeline: Pipeline;
  let access: AccessEvent[];
  let changes: RulesChangeEvent[];

  async function start() {
    ({ app, pipeline } = await build({
      dataDir: tmp.dir + '/data',
      logger: silentLogger(),
      asr: null,
      config: { stages: { pollMs: 20 } },
      webApp: false,
      audit: (e) => access.push(e),
      auditRules: (e) => changes.push(e),
    }));
    await app.ready();
  }

  beforeEach(async () => {
    tmp = tempDir();
    access = [];
    changes = [];
    await start();
  });
  afterEach(async () => {
    await app.close();
    tmp.cleanup();
  });

  async function upload(callId: string, lines: Array<[string, string]>, audio?: Buffer) {
    const metadata = {
      callId,
      agentId: 'agent-7',
      customerNumber: '13800138000',
      direction: 'outbound',
      startTime: '2026-11-20T09:30:00+08:00',
      endTime: '2026-11-20T09:36:00+08:00',
      transcript: lines.map(([speaker, text], i) => ({ speaker, text, startMs: i * 4000, endMs: i * 4000 + 3500 })),
    };
    const res = await app.inject({
      method: 'POST',
      url: `${API}/calls`,
      ...multipart({ metadata: JSON.stringify(metadata) }, audio ? { name: 'call.wav', data: audio, type: 'audio/wav' } : undefined),
    });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { conversationId: string }).conversationId;
  }
  const corpusLines = (id: string): Array<[string, string]> =>
    corpusDialogue(id).turns.map((t) => [t.role === 'staff' ? '坐席' : '客户', t.text]);
  const detail = async (id: string) => (await app.inject({ url: `${API}/conversations/${id}` })).json();

  it('edits a rule with located validation errors, saves versions, reverts, and restores the active version after a restart', async () => {
    const versions = (await app.inject({ url: `${API}/rules/versions` })).json().items;
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ source: 'files', author: 'system', active: true });
    const filesVersion = versions[0].version as string;

    const list = (await app.inject({ url: `${API}/rules/list` })).json();
    expect(list.version.version).toBe(filesVersion);
    expect(list.rules.length).toBeGreaterThan(50);
    // the names the editor completes: shared regex fragments and word lists
    expect(list.shared.patterns).toContain('termNotStated');
    expect(list.shared.lexicons).toContain('thirdParty');
    const kyc = list.rules.find((r: { kind: string; target: string }) => r.kind === 'keyPoint' && r.target === 'kyc');
    expect(kyc).toBeDefined();
    const one = (await app.inject({ url: `${API}/rules/items/${kyc.id}` })).json();
    expect(one.yaml).toContain(`id: ${kyc.id}`);
    expect((await app.inject({ url: `${API}/rules/items/no.such.rule` })).statusCode).toBe(404);

    // YAML syntax error: located
    const syntax = (await app.inject({ method: 'POST', url: `${API}/rules/validate`, payload: { ruleId: null, yaml: 'id: x\nkind: [compliance\n' } })).json();
    expect(syntax.ok).toBe(false);
    expect(syntax.issues[0].line).toBeGreaterThanOrEqual(2);
    // semantic errors: at the line of the field they are about
    const broken = MARS_RULE.replace('when: mars', 'when: mars and missing').replace('any: [火星计划]', 'any: []');
    const sem = (await app.inject({ method: 'POST', url: `${API}/rules/validate`, payload: { yaml: broken } })).json();
    expect(sem.ok).toBe(false);
    const lines = broken.split('\n');
    const whenIssue = sem.issues.find((i: { path: string }) => i.path === 'when');
    expect(whenIssue.message).toMatch(/missing/);
    expect(lines[whenIssue.line - 1]).toMatch(/^when:/);
    const anyIssue = sem.issues.find((i: { path: string }) => i.path.startsWith('conditions.mars.match'));
    expect(lines[anyIssue.line - 1]).toMatch(/any: \[\]/);
    const save422 = await app.inject({ method: 'POST', url: `${API}/rules/items`, payload: { yaml: broken, reviewer: 'ana' } });
    expect(save422.statusCode).toBe(422);
    expect(save422.json().issues.length).toBeGreaterThanOrEqual(2);

    // a valid new rule: saved as a new active version
    const saved = await app.inject({ method: 'POST', url: `${API}/rules/items`, payload: { yaml: MARS_RULE, reviewer: 'ana', note: 'test', expectedVersion: filesVersion } });
    expect(saved.statusCode, saved.body).toBe(201);
    const v1 = saved.json().version;
    expect(v1).toMatchObject({ version: `${filesVersion}+e1`, source: 'edit', basedOn: filesVersion, author: 'ana', active: true });
    expect((await app.inject({ url: `${API}/rules` })).json().version).toBe(v1.version);
    expect(changes.map((c) => [c.action, c.target])).toEqual([['rules.save', v1.version]]);
    // someone else's save came first: conflict
    const stale = await app.inject({ method: 'POST', url: `${API}/rules/items`, payload: { ruleId: kyc.id, yaml: one.yaml, reviewer: 'bob', expectedVersion: filesVersion } });
    expect(stale.statusCode).toBe(409);
    // editing an existing rule keeps its id
    const renamed = await app.inject({ method: 'POST', url: `${API}/rules/items`, payload: { ruleId: kyc.id, yaml: one.yaml.replace(`id: ${kyc.id}`, 'id: other.id'), reviewer: 'bob' } });
    expect(renamed.statusCode).toBe(422);
    const disabled = await app.inject({ method: 'POST', url: `${API}/rules/items`, payload: { ruleId: 'compliance.test.mars_plan', yaml: `${MARS_RULE}enabled: false\n`, reviewer: 'bob' } });
    expect(disabled.json().version.version).toBe(`${filesVersion}+e2`);

    // what changed: the active version against the one it was based on, and any two versions
    type Diff = { from: { version: string }; to: { version: string }; unchanged: number; settings: unknown[]; rules: Array<{ id: string; change: string; hunks: Array<{ lines: string[] }> }> };
    const diff = async (q: string): Promise<Diff> => {
      const res = await app.inject({ url: `${API}/rules/diff${q}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Diff;
    };
    const lastEdit = await diff('');
    expect([lastEdit.from.version, lastEdit.to.version]).toEqual([v1.version, `${filesVersion}+e2`]);
    expect(lastEdit.settings).toEqual([]);
    expect(lastEdit.rules).toHaveLength(1);
    expect(lastEdit.rules[0]).toMatchObject({ id: 'compliance.test.mars_plan', change: 'changed' });
    const changed = lastEdit.rules[0]!.hunks.flatMap((h) => h.lines).filter((l) => !l.startsWith(' '));
    expect(changed).toEqual(['+enabled: false']);
    const n = (await app.inject({ url: `${API}/rules/list` })).json().rules.length as number;
    expect(lastEdit.unchanged).toBe(n - 1);
    const added = await diff(`?from=${encodeURIComponent(filesVersion)}&to=${encodeURIComponent(v1.version)}`);
    expect(added.rules.map((r) => [r.id, r.change])).toEqual([['compliance.test.mars_plan', 'added']]);
    expect(added.rules[0]!.hunks.flatMap((h) => h.lines).every((l) => l.startsWith('+'))).toBe(true);
    const back = await diff(`?from=${encodeURIComponent(`${filesVersion}+e2`)}&to=${encodeURIComponent(filesVersion)}`);
    expect(back.rules.map((r) => [r.id, r.change])).toEqual([['compliance.test.mars_plan', 'removed']]);
    expect((await app.inject({ url: `${API}/rules/diff?to=no-such-version` })).statusCode).toBe(404);
    expect((await app.inject({ url: `${API}/rules/diff?from=../etc` })).statusCode).toBe(400);
    // the files' version was the first: nothing before it to compare with
    expect((await app.inject({ url: `${API}/rules/diff?to=${encodeURIComponent(filesVersion)}` })).statusCode).toBe(404);

    // revert to the first edit, then restart: the edit is still active
    const act = await app.inject({ method: 'POST', url: `${API}/rules/versions/${encodeURIComponent(v1.version)}/activate`, payload: { reviewer: 'ana' } });
    expect(act.statusCode, act.body).toBe(200);
    expect(pipeline.services.rules.current().version).toBe(v1.version);
    expect(changes.at(-1)).toMatchObject({ action: 'rules.activate', target: v1.version, details: { previous: `${filesVersion}+e2` } });
    await app.close();
    await start();
    expect(pipeline.services.rules.current().version).toBe(v1.version);
    expect(pipeline.services.rules.current().rules.some((r) => r.id === 'compliance.test.mars_plan')).toBe(true);
    const after = (await app.inject({ url: `${API}/rules/versions` })).json().items.map((v: { version: string; active: boolean }) => [v.version, v.active]);
    expect(after).toEqual([
      [`${filesVersion}+e2`, false],
      [v1.version, true],
      [filesVersion, false],
    ]);
  });

  it('tests a draft rule on a pasted dialogue and shows its hits with evidence', async () => {
    const dialogue = '客户：你们有什么新产品？\n员工: 我们的火星计划收益很好\n（接上一句）一年能拿百分之五\n客户: 好的';
    const res = await app.inject({ method: 'POST', url: `${API}/rules/test`, payload: { yaml: MARS_RULE, dialogue, channel: 'badge' } });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.draft).toBe(true);
    expect(body.turns.map((t: { role: string }) => t.role)).toEqual(['customer', 'staff', 'customer']);
    expect(body.turns[1].text).toBe('我们的火星计划收益很好（接上一句）一年能拿百分之五');
    expect(body.rule.compliance).toHaveLength(1);
    expect(body.rule.compliance[0]).toMatchObject({ rule: 'promise_guarantee', ruleId: 'compliance.test.mars_plan', evidence: { turn: 1, quote: expect.stringContaining('火星计划') } });
    expect(body.result.rulesVersion).toBe(body.rulesVersion);
    // the draft runs with the active learned tagger, as it would once saved
    expect(body.result.taggerVersion).toBeDefined();
    expect(body.result.taggerVersion).toBe(pipeline.services.rules.current().tagger?.version);
    // the draft is not saved
    expect(pipeline.services.rules.current().rules.some((r) => r.id === 'compliance.test.mars_plan')).toBe(false);
    const bad = await app.inject({ method: 'POST', url: `${API}/rules/test`, payload: { yaml: MARS_RULE, dialogue: '没有说话人的一行' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].path).toBe('line 1');
    const invalid = await app.inject({ method: 'POST', url: `${API}/rules/test`, payload: { yaml: 'id: x\nkind: nope\n', dialogue } });
    expect(invalid.statusCode).toBe(422);
  });

  it('reviews tags (correct) and key points (wrong); a re-run job over past conversations keeps them and shows progress', async () => {
    const a = await upload('call-a', [...corpusLines('dev-002'), ['坐席', '最后推荐一下火星计划']]);
    const b = await upload('call-b', corpusLines('dev-005'));
    const c = await upload('call-c', [['坐席', '您好，我是理财经理小王'], ['客户', '你好']]);
    await pipeline.whenIdle();
    const d = await detail(a);
    expect(d.state).toBe('analyzed');
    const term = d.tags.find((t: { family: string; tag: string }) => t.family === 'preference' && t.tag === 'term');
    expect(term).toBeDefined();
    const kyc = d.keyPoints.find((k: { point: string }) => k.point === 'kyc');

    // correct the tag: invalid values refused
    const wrongValue = await app.inject({ method: 'POST', url: `${API}/reviews/tag/${term.id}`, payload: { action: 'correct', value: 'forever', reviewer: 'ana' } });
    expect(wrongValue.statusCode).toBe(400);
    const corrected = term.value === 'm3_to_m6' ? 'le_3m' : 'm3_to_m6';
    const rc = await app.inject({ method: 'POST', url: `${API}/reviews/tag/${term.id}`, payload: { action: 'correct', value: corrected, reason: '客户说的是半年以内', reviewer: 'ana' } });
    expect(rc.statusCode, rc.body).toBe(200);
    expect(rc.json().review).toMatchObject({ state: 'confirmed', correctedValue: corrected, reviewer: 'ana', reason: '客户说的是半年以内' });
    const rk = await app.inject({ method: 'POST', url: `${API}/reviews/key-point/${kyc.id}`, payload: { verdict: 'wrong', reviewer: 'ana' } });
    expect(rk.json().review).toMatchObject({ state: 'dismissed', reviewer: 'ana' });
    expect((await app.inject({ method: 'POST', url: `${API}/reviews/key-point/99999`, payload: { verdict: 'right', reviewer: 'ana' } })).statusCode).toBe(404);
    expect(access.filter((e) => e.action.startsWith('review.')).map((e) => [e.action, e.conversationId, e.details?.['action'] ?? e.details?.['verdict']])).toEqual([
      ['review.tag', a, 'correct'],
      ['review.keyPoint', a, 'wrong'],
    ]);
    // the customer's profile carries the corrected value
    const profile = (await detail(a)).customerProfile;
    expect(profile.current.find((x: { tag: string }) => x.tag === 'term').value).toBe(corrected);

    // new rules, then re-run them over the three conversations in the background
    await app.inject({ method: 'POST', url: `${API}/rules/items`, payload: { yaml: MARS_RULE, reviewer: 'admin' } });
    const started = await app.inject({ method: 'POST', url: `${API}/rules/rerun-jobs`, payload: { from: 0, reviewer: 'admin' } });
    expect(started.statusCode, started.body).toBe(202);
    const job = started.json();
    expect(job).toMatchObject({ state: 'running', total: 3, createdBy: 'admin', rulesVersion: pipeline.services.rules.current().version });
    let status = job;
    for (let i = 0; i < 200 && status.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 25));
      status = (await app.inject({ url: `${API}/rules/rerun-jobs/${job.id}` })).json();
    }
    expect(status).toMatchObject({ state: 'done', done: 3, failed: 0, total: 3 });
    expect(changes.find((e) => e.action === 'rules.rerun.start')).toMatchObject({ target: job.id, details: { total: 3 } });

    const after = await detail(a);
    expect(after.summary.rulesVersion).toBe(job.rulesVersion);
    expect(after.compliance.some((h: { ruleId: string }) => h.ruleId === 'compliance.test.mars_plan')).toBe(true);
    // human review survived the re-run
    expect(after.tags.find((t: { id: number }) => t.id === term.id).review).toMatchObject({ correctedValue: corrected, reviewer: 'ana' });
    expect(after.keyPoints.filter((k: { point: string }) => k.point === 'kyc')).toEqual([{ ...kyc, review: expect.objectContaining({ state: 'dismissed', reviewer: 'ana' }) }]);
    expect((await detail(b)).summary.rulesVersion).toBe(job.rulesVersion);
    expect((await detail(c)).summary.rulesVersion).toBe(job.rulesVersion);
    expect((await app.inject({ url: `${API}/rules/rerun-jobs` })).json().items[0].id).toBe(job.id);
    expect((await app.inject({ url: `${API}/rules/rerun-jobs/00000000-0000-0000-0000-000000000000` })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: `${API}/rules/rerun-jobs`, payload: { from: 10, to: 5, reviewer: 'x' } })).statusCode).toBe(400);
  });

  it('a re-run job resumes after a restart and can be cancelled', async () => {
    await upload('call-a', corpusLines('dev-006'));
    await upload('call-b', corpusLines('dev-010'));
    await pipeline.whenIdle();
    // a job left running by a crash: created in the store behind the runner's back, one item done
    const store = pipeline.services.store;
    const left = store.createRerunJob({ id: '11111111-1111-4111-8111-111111111111', filter: {}, rulesVersion: 'old', createdBy: 'ana' }, Date.now());
    store.finishRerunItem(left.id, store.pendingRerunItems(left.id, 1)[0]!, null, Date.now());
    await app.close();
    await start();
    let status = left;
    for (let i = 0; i < 200 && status.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 25));
      status = (await app.inject({ url: `${API}/rules/rerun-jobs/${left.id}` })).json();
    }
    expect(status).toMatchObject({ state: 'done', done: 2, total: 2, failed: 0 });

    const cancel = await app.inject({ method: 'POST', url: `${API}/rules/rerun-jobs/${left.id}/cancel` });
    expect(cancel.json().state).toBe('done'); // already finished: stays done
    const j = pipeline.services.store.createRerunJob({ id: '22222222-2222-4222-8222-222222222222', filter: {}, rulesVersion: 'x', createdBy: 'ana' }, Date.now());
    const c2 = await app.inject({ method: 'POST', url: `${API}/rules/rerun-jobs/${j.id}/cancel` });
    expect(c2.json().state).toBe('cancelled');
    expect(changes.filter((e) => e.action === 'rules.rerun.cancel').map((e) => e.target)).toEqual([left.id, j.id]);
  });

  it('serves waveform peaks computed while decoding, and computes them on first request for older recordings', async () => {
    const wav = readFileSync(makeStereoPhoneWav(tmp.dir));
    const id = await upload('call-audio', corpusLines('dev-002').slice(0, 4), wav);
    await pipeline.whenIdle();
    const conv = await detail(id);
    const res = await app.inject({ url: `${API}/conversations/${id}/peaks` });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p.levels).toEqual([50, 10, 2]);
    expect(p.perSecond).toBe(50);
    expect(Math.abs(p.durationMs - conv.durationMs)).toBeLessThan(50);
    expect(p.min).toHaveLength(Math.ceil((p.durationMs / 1000) * 50));
    expect(p.max).toHaveLength(p.min.length);
    expect(Math.max(...p.max)).toBeGreaterThan(20); // real speech, not silence
    expect(Math.min(...p.min)).toBeLessThan(-20);
    expect(p.min.every((v: number, i: number) => v <= 0 && p.max[i] >= 0 && v >= -127 && p.max[i] <= 127)).toBe(true);
    const coarse = (await app.inject({ url: `${API}/conversations/${id}/peaks?maxPairs=100` })).json();
    expect(coarse.perSecond).toBe(2);
    // the coarse level is the envelope of the fine one
    expect(Math.max(...coarse.max)).toBe(Math.max(...p.max));

    // a recording decoded before peaks existed
    (pipeline.services.store as SqliteConversationStore).db.prepare('DELETE FROM waveform_peaks').run();
    const lazy = (await app.inject({ url: `${API}/conversations/${id}/peaks` })).json();
    expect(lazy.max).toEqual(p.max);
    expect(pipeline.services.store.getWaveformPeaks(id)).not.toBeNull();

    expect((await app.inject({ url: `${API}/conversations/nope/peaks` })).statusCode).toBe(404);
    // peaks are not a playback: not audited as one
    expect(access.filter((e) => e.action === 'recording.play')).toHaveLength(0);
  });
});
