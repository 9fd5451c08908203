import { describe, expect, it } from 'vitest';
import { ERRORS, ParleyError, isParleyError, type ErrorCode } from '../src/errors.js';

describe('gateway error registry', () => {
  const codes = Object.keys(ERRORS) as ErrorCode[];

  it('has upper-snake codes, HTTP statuses and a distinct message for each', () => {
    for (const code of codes) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(ERRORS[code].status).toBeGreaterThanOrEqual(400);
      expect(ERRORS[code].status).toBeLessThan(600);
      expect(ERRORS[code].message.length).toBeGreaterThan(5);
    }
    const messages = codes.map((code) => ERRORS[code].message);
    expect(new Set(messages).size).toBe(messages.length);
  });

  it('builds errors carrying code, status, detail and cause', () => {
    const cause = new Error('disk');
    const err = new ParleyError('DEVICE_UNKNOWN', 'badge-1', { id: 'badge-1' }, { cause });
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toBe('Unknown device: badge-1');
    expect(err.statusCode).toBe(404);
    expect(err.details).toEqual({ id: 'badge-1' });
    expect(err.cause).toBe(cause);
    expect(isParleyError(err)).toBe(true);
    expect(isParleyError(err, 'DEVICE_UNKNOWN')).toBe(true);
    expect(isParleyError(err, 'CONFLICT')).toBe(false);
    expect(isParleyError(new Error('x'))).toBe(false);
  });
});
