import { describe, expect, it } from 'vitest';
import { reconnectDelay } from './backoff';

describe('reconnect backoff', () => {
  it('doubles from half a second and stops growing at 15 s', () => {
    const most = (n: number) => reconnectDelay(n, () => 1);
    expect([0, 1, 2, 3, 4, 5, 6, 10, 50].map(most)).toEqual([500, 1000, 2000, 4000, 8000, 15000, 15000, 15000, 15000]);
  });

  it('waits at least half of that, spread by chance', () => {
    expect(reconnectDelay(3, () => 0)).toBe(2000);
    expect(reconnectDelay(3, () => 0.5)).toBe(3000);
  });
});
