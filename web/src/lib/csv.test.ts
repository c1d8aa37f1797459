import { describe, expect, it } from 'vitest';
import { csvChunks, csvField, csvLine, type Page } from './csv';

async function collect(gen: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const c of gen) out += c;
  return out;
}

describe('CSV fields', () => {
  it('leaves plain text and numbers as they are', () => {
    expect(csvField('Bishkek')).toBe('Bishkek');
    expect(csvField(-7.2)).toBe('-7.2');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('quotes commas, quotes, line breaks and edge spaces, doubling inner quotes', () => {
    expect(csvField('Crimea, Luhansk')).toBe('"Crimea, Luhansk"');
    expect(csvField('he said "no use"')).toBe('"he said ""no use"""');
    expect(csvField('line one\nline two')).toBe('"line one\nline two"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
    expect(csvField(' padded')).toBe('" padded"');
  });

  it('keeps a spreadsheet from running text as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('-10 points')).toBe("'-10 points");
    expect(csvField('@home')).toBe("'@home");
  });

  it('ends every line with CRLF', () => {
    expect(csvLine(['a', 1, null, 'b,c'])).toBe('a,1,,"b,c"\r\n');
  });
});

describe('CSV of all pages', () => {
  const pages: Record<string, Page<number>> = {
    start: { items: [1, 2], endCursor: 'c2', hasNextPage: true },
    c2: { items: [3, 4], endCursor: 'c4', hasNextPage: true },
    c4: { items: [5], endCursor: 'c5', hasNextPage: false },
  };

  it('fetches every page in order, following the end cursors, and writes every row once', async () => {
    const asked: (string | undefined)[] = [];
    const progress: number[] = [];
    const text = await collect(csvChunks(['n', 'square'], (n: number) => [n, n * n], async (after) => {
      asked.push(after);
      return pages[after ?? 'start'];
    }, (rows) => progress.push(rows)));
    expect(asked).toEqual([undefined, 'c2', 'c4']);
    expect(text).toBe('n,square\r\n1,1\r\n2,4\r\n3,9\r\n4,16\r\n5,25\r\n');
    expect(progress).toEqual([2, 4, 5]);
  });

  it('writes only the header when nothing matches', async () => {
    const text = await collect(csvChunks(['n'], (n: number) => [n], async () => ({ items: [], endCursor: null, hasNextPage: false })));
    expect(text).toBe('n\r\n');
  });

  it('stops instead of looping when a server repeats its cursor', async () => {
    let calls = 0;
    await collect(csvChunks(['n'], (n: number) => [n], async () => {
      calls += 1;
      return { items: [calls], endCursor: 'same', hasNextPage: true };
    }));
    expect(calls).toBe(2);
  });

  it('fails the download when a page fails, rather than saving a partial file silently', async () => {
    const failing = csvChunks(['n'], (n: number) => [n], async (after) => {
      if (after) throw new Error('UPSTREAM_UNAVAILABLE');
      return { items: [1], endCursor: 'c1', hasNextPage: true };
    });
    await expect(collect(failing)).rejects.toThrow('UPSTREAM_UNAVAILABLE');
  });
});
