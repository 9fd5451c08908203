/** The rollout form's stage parser (gateway/web/src/stages.ts) accepts exactly what the gateway accepts. */
import { describe, expect, it } from 'vitest';
import { parseStages } from '../../web/src/stages.js';

describe('parseStages', () => {
  it('reads rising percentages ending at 100, separated by commas (either width) or spaces', () => {
    expect(parseStages('5, 25, 100')).toEqual([5, 25, 100]);
    expect(parseStages('5，25，100')).toEqual([5, 25, 100]);
    expect(parseStages(' 10 50 100 ')).toEqual([10, 50, 100]);
    expect(parseStages('100')).toEqual([100]);
  });

  it('refuses what the gateway would refuse', () => {
    for (const bad of ['', '5, 25', '25, 5, 100', '5, 5, 100', '0, 100', '5.5, 100', '5, 101', 'x, 100', '1,2,3,4,5,6,7,8,9,10,100']) expect(parseStages(bad), bad).toBeNull();
  });
});
