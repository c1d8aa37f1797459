// Words for the API's codes and dates, as an analyst reads them.

export const QUAD_NAMES: Record<number, string> = {
  1: 'Verbal cooperation',
  2: 'Material cooperation',
  3: 'Verbal conflict',
  4: 'Material conflict',
};

const fmt = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', ...options });
const day = fmt({ day: 'numeric', month: 'short', year: 'numeric' });
const month = fmt({ month: 'long', year: 'numeric' });

const utc = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

/** An event's date as precise as it is known: "27 Nov 2025", "week of 1 Dec 2025", "October 2025", "2025". */
export function formatEventDate(start: string | null | undefined, precision: string | null | undefined): string {
  if (!start) return 'date unknown';
  switch (precision) {
    case 'WEEK': return `week of ${day.format(utc(start))}`;
    case 'MONTH': return month.format(utc(start));
    case 'YEAR': return start.slice(0, 4);
    default: return day.format(utc(start));
  }
}

export const formatDay = (iso: string) => day.format(utc(iso));

export function formatPeriod(start: string, interval: string): string {
  if (interval === 'YEAR') return start.slice(0, 4);
  if (interval === 'MONTH') return month.format(utc(start));
  return `week of ${day.format(utc(start))}`;
}

export const lower = (code: string) => code.toLowerCase().replace(/_/g, ' ');

export function formatGoldstein(g: number | null | undefined): string {
  if (g == null) return '–';
  return `${g > 0 ? '+' : ''}${g.toFixed(1)}`;
}
