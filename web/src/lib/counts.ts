/**
 * A list's total in words: "1 event", "15 events", "12,345 events", and "10,000+ events" when the
 * service stopped counting at its limit (totalCountIsExact false: there are more than it says).
 */
export function countText(total: number, exact: boolean): string {
  return `${total.toLocaleString('en-US')}${exact ? '' : '+'} ${total === 1 && exact ? 'event' : 'events'}`;
}
