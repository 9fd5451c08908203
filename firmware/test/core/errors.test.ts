import { describe, expect, it } from 'vitest';
import { FirmwareError, errorCode, firmwareErrorLine } from '../../src/core/errors.js';
import type { FirmwareErrorName } from '../../src/core/errors.js';
import { FirmwareErrors } from '../../src/index.js';

describe('the firmware error registry (packed for Espruino)', () => {
  it('has twenty entries with unique codes, readable as an object', () => {
    const names = Object.keys(FirmwareErrors) as FirmwareErrorName[];
    expect(names).toHaveLength(20);
    expect(new Set(names.map((n) => FirmwareErrors[n].code)).size).toBe(20);
    expect(FirmwareErrors.FLASH_FULL).toEqual({ code: 101, message: 'Flash storage is full' });
    expect(FirmwareErrors.OTA_ROLLBACK).toEqual({ code: 305, message: 'New firmware was not confirmed; rolled back' });
    expect(FirmwareErrors.POWER_CUT.code).toBe(900);
  });

  it('gives every FirmwareError its code and message, with the detail appended', () => {
    for (const name of Object.keys(FirmwareErrors) as FirmwareErrorName[]) {
      const err = new FirmwareError(name, '');
      expect(err.code, name).toBe(FirmwareErrors[name].code);
      expect(err.message, name).toBe(FirmwareErrors[name].message);
      expect(err.errorName).toBe(name);
      expect(errorCode(err)).toBe(err.code);
    }
    const e = new FirmwareError('OTA_BUSY', 'release r2');
    expect(e.message).toBe('A firmware update is already under way: release r2');
    expect(e.code).toBe(303);
    expect(e.name).toBe('FirmwareError');
  });

  it('does not match a name that is only a prefix of a registered one', () => {
    expect(firmwareErrorLine('FLASH')).toBe('');
    expect(firmwareErrorLine('SPOOL_RECORD')).toBe('');
    expect(firmwareErrorLine('MQTT')).toBe('MQTT 401 MQTT connection failed');
    expect(errorCode(new Error('x'))).toBe(0);
  });

  it('is an Error without class inheritance (Espruino 2v29 cannot call Error as a super constructor)', () => {
    const e = new FirmwareError('FLASH_WRITE', 'sp3@40');
    expect(e).toBeInstanceOf(FirmwareError);
    expect(e).toBeInstanceOf(Error);
    expect(String(e)).toBe('FirmwareError: Flash write failed: sp3@40');
    expect(e.stack).toMatch(/errors\.test\.ts/);
    expect(() => {
      throw new FirmwareError('OTA_DIGEST', 'x');
    }).toThrow(FirmwareError);
    expect(Object.prototype.hasOwnProperty.call(e, 'name')).toBe(false);
    expect(new FirmwareError('MQTT', '')).not.toBe(e);
  });
});
