import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadExport, exportUrl, fileName } from './exportFile';

afterEach(() => vi.unstubAllGlobals());

describe('event exports', () => {
  it('carry the GraphQL filter as JSON in the URL, and no filter for all events', () => {
    const filter = { actorIds: ['a001'], rootCodes: ['10'], from: '2025-11-01' };
    const url = exportUrl('csv', filter);
    expect(url.startsWith('/export/events.csv?filter=')).toBe(true);
    expect(JSON.parse(decodeURIComponent(url.split('filter=')[1]))).toEqual(filter);
    expect(exportUrl('geojson', {})).toBe('/export/events.geojson');
  });

  it('take the file name the gateway proposes', () => {
    expect(fileName('attachment; filename="parley-events-2025-11-30.geojson"', 'geojson')).toBe('parley-events-2025-11-30.geojson');
    expect(fileName(null, 'csv')).toMatch(/^parley-events-\d{4}-\d{2}-\d{2}\.csv$/);
  });

  it('send the token and report the problem detail when the gateway refuses', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ status: 400, detail: 'filter.quadClasses must be between 1 and 4' }),
      { status: 400, headers: { 'Content-Type': 'application/problem+json' } }));
    vi.stubGlobal('fetch', fetchMock);
    await expect(downloadExport('csv', { quadClasses: [5] }, 'tkn', () => {})).rejects.toThrow('filter.quadClasses must be between 1 and 4');
    expect(fetchMock).toHaveBeenCalledWith(expect.stringContaining('/export/events.csv?filter='), { headers: { Authorization: 'Bearer tkn' } });
  });

  it('fail, not save, when the stream is cut off', async () => {
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        if (pulls++ === 0) c.enqueue(new TextEncoder().encode('id,start\r\n'));
        else c.error(new TypeError('network error'));
      },
    });
    const save = vi.spyOn(URL, 'createObjectURL');
    vi.stubGlobal('fetch', vi.fn(async () => new Response(body, { status: 200, headers: { 'Content-Type': 'text/csv' } })));
    const progress: number[] = [];
    await expect(downloadExport('csv', {}, null, (b) => progress.push(b))).rejects.toThrow('network error');
    expect(progress).toEqual([10]);
    expect(save).not.toHaveBeenCalled();
  });
});
