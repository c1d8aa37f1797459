/** Waiting time before reconnect attempt `retries` (0, 1, …): 0.5 s, 1 s, 2 s … capped at 15 s, jittered to 50–100 %
 * so that browsers cut off together do not all come back in the same instant. */
export function reconnectDelay(retries: number, random = Math.random): number {
  const base = Math.min(15_000, 500 * 2 ** retries);
  return Math.round(base / 2 + (random() * base) / 2);
}
