/**
 * `npm run build -w firmware`: compiles the device entry with tsc (ES2015),
 * bundles it with rollup into one script (dist/badge.js), minifies it with
 * esbuild (dist/badge.min.js), and fails unless both pass the Espruino
 * subset gate and boot, record and upload in the stripped vm sandbox. With
 * PARLEY_ESPRUINO_BIN set (an Espruino 2v29 Linux build) it also runs the
 * minified bundle on that interpreter, prints the variables it uses and
 * fails when the peak is over the 6,000-variable budget.
 * Everything runs offline.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import type { Plugin } from 'rollup';
import { transform } from 'esbuild';
import { checkEspruinoSubset } from '@parley/hardware/espruino-subset';
import { runBundleInSandbox } from './device-sandbox.js';
import { runBundleOnInterpreter } from './espruino-interpreter.js';
import { scenarioProblems, scenarioSummary } from './scenario-peers.js';
import { manglablePrivateNames, persistedKeys, privateMemberNames, protoFieldNames } from './private-names.js';
import { inlineNumericConstants } from './inline-constants.js';
import { badgeBoard } from '@parley/hardware/boards';
import { deviceBoard } from '../platform/espruino/device-board.js';
import { BADGE_SPOOL_CHIP } from '../platform/espruino/spool-chip.js';
import { DEFAULT_MAX_PARKED, DEFAULT_MAX_SESSIONS } from '../core/spool.js';

/** Sessions of the interpreter's shift backlog (below the bound, DEFAULT_MAX_SESSIONS + DEFAULT_MAX_PARKED). */
const SHIFT_SESSIONS = Math.min(150, DEFAULT_MAX_SESSIONS + DEFAULT_MAX_PARKED);

/** Half of a 12,000-variable board (the issue's budget for the running firmware). */
const ESPRUINO_VARIABLE_BUDGET = 6000;
/** Kept free under the budget at the worst-case peak, for heap fragmentation and the unexpected (reported, not enforced). */
const HEADROOM_TARGET = 400;
/**
 * The SPI NOR spool of the interpreter run: the provisioned badge's own configuration, the whole
 * W25Q01JV (124 segments of 1 MiB less the header page), on a sparse RAM model of the chip (only
 * the sectors written are held, and subtracted from the figures): the spool's index is measured
 * at its full size.
 */
const INTERPRETER_SPOOL_CHIP = BADGE_SPOOL_CHIP;
const DEVICE_BOARD_MODULE = '\0parley-device-board';
const here = dirname(fileURLToPath(import.meta.url));
const pkg = resolve(here, '..', '..');
const repo = resolve(pkg, '..');
/** The output folder: dist/, or PARLEY_FIRMWARE_DIST (a test or a measurement that must not share dist/ with a concurrent build). */
const dist = process.env.PARLEY_FIRMWARE_DIST ? resolve(process.env.PARLEY_FIRMWARE_DIST) : join(pkg, 'dist');
const tscOut = join(dist, 'tsc');

/** Maps the workspace packages the device bundle imports to their compiled (or generated) JS. */
function workspaceResolver(): Plugin {
  return {
    name: 'parley-workspace',
    resolveId(source) {
      if (source === '@parley/proto/device') return join(repo, 'proto', 'device', 'badge-codec.js');
      if (source === '@parley/hardware/boards') return DEVICE_BOARD_MODULE;
      const hw = /^@parley\/hardware\/([a-z-]+)$/.exec(source);
      if (hw) {
        const exportsMap = (JSON.parse(readFileSync(join(repo, 'hardware', 'package.json'), 'utf8')) as { exports: Record<string, string> }).exports;
        const target = exportsMap['./' + hw[1]];
        if (!target) throw new Error('unknown hardware export ' + source);
        return join(tscOut, 'hardware', target.replace(/^\.\//, '').replace(/\.ts$/, '.js'));
      }
      if (source.startsWith('@parley/')) throw new Error('device bundle may not import ' + source);
      return null;
    },
    load(id) {
      // Only what the badge reads at run time (platform/espruino/device-board.ts).
      if (id === DEVICE_BOARD_MODULE) return 'export const badgeBoard = ' + JSON.stringify(deviceBoard(badgeBoard)) + ';\n';
      return null;
    },
  };
}

interface AstNode {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

/**
 * The numeric enum objects a module declares at top level: `const X = { A: 1, B: -2 }`
 * (exported or not) named in PascalCase, the enum convention (so tables of
 * defaults such as DEFAULT_TUNING are not taken for enums), whose members are
 * all number literals.
 */
function numericEnums(ast: AstNode): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const node of ast.body as AstNode[]) {
    const decl = (node.type === 'ExportNamedDeclaration' ? node.declaration : node) as AstNode | null;
    if (!decl || decl.type !== 'VariableDeclaration' || decl.kind !== 'const') continue;
    for (const d of decl.declarations as AstNode[]) {
      const name = (d.id as { name?: string }).name;
      const init = d.init as AstNode | null;
      if (!name || !/^[A-Z][a-z]/.test(name) || !init || init.type !== 'ObjectExpression') continue;
      const table: Record<string, number> = {};
      let numeric = (init.properties as AstNode[]).length > 0;
      for (const prop of init.properties as AstNode[]) {
        const key = prop.key as AstNode & { name?: string };
        let value = prop.value as AstNode & { value?: unknown; operator?: string; argument?: AstNode & { value?: unknown } };
        let sign = 1;
        if (value.type === 'UnaryExpression' && value.operator === '-') {
          sign = -1;
          value = value.argument as typeof value;
        }
        if (prop.type !== 'Property' || prop.computed || key.type !== 'Identifier' || !key.name || value.type !== 'Literal' || typeof value.value !== 'number') {
          numeric = false;
          break;
        }
        table[key.name] = sign * value.value;
      }
      if (numeric) out[name] = table;
    }
  }
  return out;
}

/** Whether a module is one of the tsc output's (the firmware's and the hardware package's compiled modules). */
function isCompiled(id: string): boolean {
  return id.startsWith(tscOut + sep) && id.endsWith('.js') && existsSync(id);
}

/**
 * Replaces `Enum.MEMBER` reads of the numeric enum objects of the firmware's
 * and the hardware package's modules (core/messages.ts, hal/indicators.ts,
 * the co-processor link's frame types, ...) with their numbers, like
 * TypeScript's const enums, both in importing modules and in the module that
 * defines them: the objects then drop out of the bundle (on Espruino each
 * member is a variable held for the badge's whole life). A module that uses
 * an enum object as a whole keeps it. An unknown member fails the build.
 */
function inlineNumericEnums(): Plugin {
  return {
    name: 'parley-inline-numeric-enums',
    async transform(code, id) {
      const ast = this.parse(code) as unknown as AstNode;
      const locals: Record<string, Record<string, number>> = numericEnums(ast);
      for (const node of ast.body as AstNode[]) {
        if (node.type !== 'ImportDeclaration') continue;
        const resolved = await this.resolve((node.source as { value: string }).value, id);
        if (!resolved || !isCompiled(resolved.id)) continue;
        const theirs = numericEnums(this.parse(readFileSync(resolved.id, 'utf8')) as unknown as AstNode);
        for (const spec of node.specifiers as AstNode[]) {
          const imported = (spec.imported as { name?: string } | undefined)?.name;
          const table = imported ? theirs[imported] : undefined;
          if (spec.type === 'ImportSpecifier' && table) locals[(spec.local as { name: string }).name] = table;
        }
      }
      // An object whose members are assigned anywhere in the module is state, not an enum.
      const mutated = (node: unknown): void => {
        if (Array.isArray(node)) {
          for (const n of node) mutated(n);
          return;
        }
        if (typeof node !== 'object' || node === null) return;
        const n = node as AstNode;
        const target = (n.type === 'AssignmentExpression' ? n.left : n.type === 'UpdateExpression' ? n.argument : null) as AstNode | null;
        if (target && target.type === 'MemberExpression') {
          const object = target.object as AstNode & { name?: string };
          if (object.type === 'Identifier' && object.name) delete locals[object.name];
        }
        for (const key of Object.keys(n)) if (key !== 'type' && key !== 'start' && key !== 'end') mutated(n[key]);
      };
      mutated(ast);
      if (Object.keys(locals).length === 0) return null;
      const edits: { start: number; end: number; text: string }[] = [];
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) {
          for (const n of node) walk(n);
          return;
        }
        if (typeof node !== 'object' || node === null) return;
        const n = node as AstNode;
        if (n.type === 'MemberExpression' && !n.computed) {
          const object = n.object as AstNode & { name?: string };
          const property = n.property as AstNode & { name?: string };
          const table = object.type === 'Identifier' && object.name ? locals[object.name] : undefined;
          if (table && property.name) {
            const value = table[property.name];
            if (value === undefined) this.error(`${id}: ${object.name}.${property.name} is not a member of the enum`);
            edits.push({ start: n.start, end: n.end, text: String(value) });
            return;
          }
        }
        for (const key of Object.keys(n)) if (key !== 'type' && key !== 'start' && key !== 'end') walk(n[key]);
      };
      walk(ast);
      if (edits.length === 0) return null;
      edits.sort((x, y) => y.start - x.start);
      let out = code;
      for (const e of edits) out = out.slice(0, e.start) + (e.text.startsWith('-') ? '(' + e.text + ')' : e.text) + out.slice(e.end);
      return { code: out, map: null };
    },
  };
}

async function main(): Promise<void> {
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  const tsc = join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
  execFileSync(process.execPath, [tsc, '-p', join(pkg, 'tsconfig.build.json'), '--outDir', tscOut], { stdio: 'inherit' });

  const bundle = await rollup({
    input: join(tscOut, 'firmware', 'src', 'app', 'main.js'),
    plugins: [workspaceResolver(), inlineNumericEnums()],
    onwarn(warning, warn) {
      // The loader evaluates a staged image on purpose.
      if (warning.code === 'EVAL') return;
      warn(warning);
    },
  });
  const { output } = await bundle.generate({ format: 'iife', strict: false, generatedCode: 'es2015' });
  await bundle.close();
  // Top-level numeric constants read as their numbers (one variable each less on Espruino; see inline-constants.ts).
  const constants = inlineNumericConstants((output[0] as { code: string }).code);
  const plain = constants.code;
  // Whitespace and identifiers only: esbuild's syntax minification produces code that trips an
  // assertion in Espruino 2v29 (jsvHasChildren, measured on its Linux build); this variant runs there.
  // No `format`: rollup's IIFE is kept as it is. With format 'iife' esbuild wraps it once more in an
  // arrow function, and on the 2v29 interpreter that bundle holds 1,115 more variables after boot
  // (5,826 against 4,711, same code otherwise; measured with PARLEY_ESPRUINO_BIN).
  // Private member names of 9+ characters are shortened (one variable each on Espruino; see private-names.ts).
  const privateNames = privateMemberNames([join(pkg, 'src', 'core'), join(pkg, 'src', 'platform', 'espruino'), join(pkg, 'src', 'app'), join(repo, 'hardware', 'src', 'coproc-link')]);
  const reserved = protoFieldNames(readFileSync(join(repo, 'proto', 'badge.proto'), 'utf8'));
  for (const key of persistedKeys(join(pkg, 'src'))) reserved.add(key);
  const mangled = manglablePrivateNames(plain, privateNames, reserved);
  const minified = (await transform(plain, {
    minifyWhitespace: true, minifyIdentifiers: true, target: 'es2015', legalComments: 'none',
    mangleProps: mangled.length > 0 ? new RegExp('^(' + mangled.join('|') + ')$') : undefined,
  })).code;
  writeFileSync(join(dist, 'badge.js'), plain);
  writeFileSync(join(dist, 'badge.min.js'), minified);

  let failed = false;
  for (const [name, code] of [['badge.js', plain], ['badge.min.js', minified]] as const) {
    const violations = await checkEspruinoSubset(code, { fileName: name });
    for (const v of violations) console.error(`${name}:${v.line}:${v.column} ${v.what}: ${v.excerpt}`);
    if (violations.length) failed = true;
    const report = runBundleInSandbox(code, { recordSeconds: 10 });
    // In virtual time nothing may be lost: every frame delivered.
    const problems = scenarioProblems(report.gateway);
    if (report.gapFrames !== 0) problems.push(`${report.gapFrames} frames lost`);
    if (report.sessionFrames < 490) problems.push(`only ${report.sessionFrames} frames recorded in 10 s`);
    const ok = report.errors.length === 0 && problems.length === 0;
    console.log(`${name}: ${code.length} bytes; sandbox: ${scenarioSummary(report.gateway)}${ok ? '' : ' — FAILED'}`);
    for (const p of problems) console.error(`${name}: sandbox: ${p}`);
    for (const e of report.errors) console.error(`${name}: ${e}`);
    if (!ok) {
      for (const l of report.log.slice(-20)) console.error('  log: ' + l);
      failed = true;
    }
  }
  const bin = process.env.PARLEY_ESPRUINO_BIN;
  if (bin && !failed) {
    // The minified bundle on Espruino's own interpreter (2v29 Linux build): memory and delivery, with
    // the spool in Storage and with the spool on the SPI NOR chip (its driver and its segment index).
    for (const [where, spoolChip] of [['spool in Storage', undefined], ['spool on the SPI NOR chip', INTERPRETER_SPOOL_CHIP]] as const) {
      // On the chip run, a shift's backlog after the scenario: 150 sessions, the table full and the rest parked (a
      // parked session costs no RAM: the bound of 160 would measure the same, and the session the scenario completed
      // may come back at the reopen).
      const r = await runBundleOnInterpreter({ bin, bundle: minified, recordSeconds: 10, spoolChip, backlogSessions: spoolChip ? SHIFT_SESSIONS : 0 });
      const fw = r.peakVars - r.preludeVars;
      const problems = scenarioProblems(r.gateway);
      const headroom = ESPRUINO_VARIABLE_BUDGET - fw;
      console.log(`badge.min.js on ${bin}, ${where}: ${r.bootVars - r.preludeVars} variables after boot, ${r.settledVars - r.preludeVars} at the end, ` +
        `peak ${fw} recording + uploading + telemetry + command + config + firmware download + reconnect ` +
        `(of ${r.totalVars}; budget ${ESPRUINO_VARIABLE_BUDGET}${fw > ESPRUINO_VARIABLE_BUDGET ? ', OVER BUDGET' : ''}; ` +
        `headroom ${headroom}, target ${HEADROOM_TARGET}${headroom < HEADROOM_TARGET ? ', BELOW TARGET' : ''}; prelude ${r.preludeVars}${spoolChip ? ` and chip model up to ${r.chipModelVars}` : ''} excluded); ` +
        `${scenarioSummary(r.gateway)}; CPU ${r.cpuPerAudioSecond.toFixed(2)} s per s of audio`);
      for (const p of problems) console.error(`interpreter (${where}): scenario: ${p}`);
      for (const e of r.errors) console.error(`interpreter (${where}): ${e}`);
      if (r.errors.length > 0 || problems.length > 0) failed = true;
      if (r.backlogHeld > 0) {
        const held = r.backlogVars - r.preludeVars;
        console.log(`badge.min.js on ${bin}, ${where}, then ${r.backlogHeld} sessions held offline (${r.backlogParked} of them parked in flash): ${held} variables ` +
          `(budget ${ESPRUINO_VARIABLE_BUDGET}${held > ESPRUINO_VARIABLE_BUDGET ? ', OVER BUDGET' : ''}; headroom ${ESPRUINO_VARIABLE_BUDGET - held})`);
        if (held > ESPRUINO_VARIABLE_BUDGET) {
          console.error(`badge.min.js (${where}): ${held} Espruino variables holding ${r.backlogHeld} sessions, over the budget of ${ESPRUINO_VARIABLE_BUDGET}`);
          failed = true;
        }
        const reopen = r.backlogReopenVars;
        const found = r.backlogReopen;
        console.log(`badge.min.js on ${bin}, ${where}, then rebooted with them (the boot's replay, parking as it goes): peak ${reopen} variables ` +
          `(${found.sessions} in the table, ${found.parked} parked, ${found.pinnedSegments} segments pinned; budget ${ESPRUINO_VARIABLE_BUDGET}${reopen > ESPRUINO_VARIABLE_BUDGET ? ', OVER BUDGET' : ''}; headroom ${ESPRUINO_VARIABLE_BUDGET - reopen})`);
        if (reopen > ESPRUINO_VARIABLE_BUDGET) {
          console.error(`badge.min.js (${where}): ${reopen} Espruino variables reopening the spool with ${r.backlogHeld} sessions, over the budget of ${ESPRUINO_VARIABLE_BUDGET}`);
          failed = true;
        }
        if (found.sessions + found.parked < r.backlogHeld || found.pinnedSegments > 0) {
          console.error(`badge.min.js (${where}): the reopen found ${found.sessions} + ${found.parked} parked of ${r.backlogHeld} sessions, ${found.pinnedSegments} segments pinned`);
          failed = true;
        }
        const drain = r.backlogDrainVars - r.preludeVars;
        console.log(`badge.min.js on ${bin}, ${where}, then back online with them: peak ${drain} variables from the Hello through the drain ` +
          `(${r.backlogDrained} of ${r.backlogHeld} sessions completed; budget ${ESPRUINO_VARIABLE_BUDGET}${drain > ESPRUINO_VARIABLE_BUDGET ? ', OVER BUDGET' : ''}; headroom ${ESPRUINO_VARIABLE_BUDGET - drain})`);
        if (drain > ESPRUINO_VARIABLE_BUDGET) {
          console.error(`badge.min.js (${where}): ${drain} Espruino variables draining ${r.backlogHeld} sessions, over the budget of ${ESPRUINO_VARIABLE_BUDGET}`);
          failed = true;
        }
        if (r.backlogDrained < r.backlogHeld) {
          console.error(`badge.min.js (${where}): only ${r.backlogDrained} of the ${r.backlogHeld} sessions held were completed after reconnecting`);
          failed = true;
        }
      }
      if (fw > ESPRUINO_VARIABLE_BUDGET) {
        console.error(`badge.min.js (${where}): ${fw} Espruino variables at the peak, over the budget of ${ESPRUINO_VARIABLE_BUDGET}`);
        failed = true;
      }
    }
  }
  if (failed) {
    console.error('firmware build FAILED: the bundle does not fit the device');
    process.exit(1);
  }
  console.log(`badge.js: ${constants.inlined.length} numeric constants inlined; badge.min.js: ${mangled.length} private member names shortened`);
  console.log(`firmware build OK: ${dist}/badge.js ${plain.length} bytes, ${dist}/badge.min.js ${minified.length} bytes`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
