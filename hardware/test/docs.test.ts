import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PIN_ROLES, badgeBoard } from '../src/boards/index.js';
import { generatedSections, renderHardwareDoc } from '../src/docs/sections.js';
import { HardwareErrorCode, isHardwareError } from '../src/errors.js';

const docPath = join(dirname(fileURLToPath(import.meta.url)), '../../docs/hardware.md');
const doc = readFileSync(docPath, 'utf8');

describe('docs/hardware.md', () => {
  it('matches the board data, link constants and power model (run npm run docs -w hardware)', () => {
    expect(renderHardwareDoc(doc)).toBe(doc);
  });

  it('its pin table lists every role with the badge pin', () => {
    const table = doc.slice(doc.indexOf('BEGIN GENERATED: pin-table'), doc.indexOf('END GENERATED: pin-table'));
    for (const role of PIN_ROLES) expect(table).toMatch(new RegExp('\\| `' + role + '` +\\| ' + badgeBoard.pins[role] + ' '));
  });

  it('detects a drifted table', () => {
    const drifted = doc.replace('| `button`            | D34 |', '| `button`            | D35 |');
    expect(drifted).not.toBe(doc);
    expect(renderHardwareDoc(drifted)).toBe(doc);
  });

  it('refuses a document missing a section or naming an unknown one', () => {
    const sections = generatedSections();
    const without = doc.replace(/<!-- BEGIN GENERATED: error-codes[\s\S]*?<!-- END GENERATED: error-codes -->/, '');
    const unknown = doc + '\n<!-- BEGIN GENERATED: nonsense (x) -->\n<!-- END GENERATED: nonsense -->\n';
    for (const bad of [without, unknown]) {
      try {
        renderHardwareDoc(bad, sections);
        expect.unreachable();
      } catch (e) {
        expect(isHardwareError(e) && e.code).toBe(HardwareErrorCode.DocsGeneration);
      }
    }
  });
});

describe('error registry', () => {
  const codes = Object.values(HardwareErrorCode);
  it('codes are unique, SCREAMING_SNAKE_CASE and documented', () => {
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      expect(code).toMatch(/^[A-Z]+(_[A-Z0-9]+)+$/);
      expect(doc).toContain('`' + code + '`');
    }
  });

  it('isHardwareError accepts only registered codes', () => {
    expect(isHardwareError(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBe(false);
    expect(isHardwareError({ code: HardwareErrorCode.BoardInvalid })).toBe(false);
    expect(isHardwareError(Object.assign(new Error('x'), { code: HardwareErrorCode.BoardInvalid }))).toBe(true);
  });
});
