// CSV (RFC 4180) of every event matching a filter: the pages are fetched one after another and each
// page's lines are appended as one Blob part, so the download holds all matches, not the visible page.

export type Cell = string | number | null | undefined;

/** One field, quoted when it must be; text a spreadsheet would run as a formula is prefixed with '. */
export function csvField(value: Cell): string {
  if (value == null) return '';
  let s = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: Cell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

export interface Page<T> {
  items: T[];
  endCursor?: string | null;
  hasNextPage: boolean;
}

/**
 * The CSV text in chunks: the header, then one chunk per page. `fetchPage` gets the previous page's
 * end cursor; paging stops at the last page (or at a page that does not move the cursor on).
 */
export async function* csvChunks<T>(
  header: string[],
  toCells: (item: T) => Cell[],
  fetchPage: (after: string | undefined) => Promise<Page<T>>,
  onProgress?: (rows: number) => void,
): AsyncGenerator<string> {
  yield csvLine(header);
  let after: string | undefined;
  let rows = 0;
  for (;;) {
    const page = await fetchPage(after);
    rows += page.items.length;
    yield page.items.map((item) => csvLine(toCells(item))).join('');
    onProgress?.(rows);
    if (!page.hasNextPage || !page.endCursor || page.endCursor === after) return;
    after = page.endCursor;
  }
}

/** Collects the chunks into a Blob (page by page, never one big string) and offers it as a download. */
export async function downloadCsv(filename: string, chunks: AsyncIterable<string>): Promise<void> {
  const parts: BlobPart[] = ['\ufeff']; // the BOM makes spreadsheet programs read UTF-8
  for await (const chunk of chunks) parts.push(chunk);
  const url = URL.createObjectURL(new Blob(parts, { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
