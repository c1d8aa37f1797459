import { describe, expect, it } from 'vitest';
import { countText } from './counts';

describe('countText', () => {
  it('says exact totals as they are, with thousands separated', () => {
    expect(countText(0, true)).toBe('0 events');
    expect(countText(1, true)).toBe('1 event');
    expect(countText(12345, true)).toBe('12,345 events');
  });

  it('marks a total that stopped at the count limit as a lower bound', () => {
    expect(countText(10000, false)).toBe('10,000+ events');
  });
});
