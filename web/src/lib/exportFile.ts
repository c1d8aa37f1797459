// Downloads of every event of a filter, as the gateway's export endpoints write them (GET
// /export/events.csv | .geojson?filter=<the GraphQL EventFilter as JSON>): one request, streamed by the
// gateway page by page, with the same filter, rules and errors as the GraphQL query the list shows.
import type { EventFilter } from '../gql/graphql';

export type ExportFormat = 'csv' | 'geojson';

/** The export's URL for a filter: the same JSON the `events(filter:)` variable would carry. */
export function exportUrl(format: ExportFormat, filter: EventFilter): string {
  const json = JSON.stringify(filter);
  return `/export/events.${format}${json === '{}' ? '' : `?filter=${encodeURIComponent(json)}`}`;
}

/** The file name the gateway proposes (Content-Disposition), or a dated default. */
export function fileName(disposition: string | null, format: ExportFormat): string {
  const m = disposition ? /filename="?([^";]+)"?/.exec(disposition) : null;
  return m ? m[1] : `parley-events-${new Date().toISOString().slice(0, 10)}.${format}`;
}

/** What a failed export says, in words: the problem+json detail when the gateway sent one. */
export async function failureOf(r: Response): Promise<string> {
  try {
    const problem = (await r.json()) as { detail?: string };
    if (problem.detail) return problem.detail;
  } catch {
    // not problem+json: fall back to the status
  }
  return r.status === 401 || r.status === 403 ? 'you are not allowed to read events (sign in on Record)' : `HTTP ${r.status}`;
}

/**
 * Fetches the export (with the signed-in token, where reads need one) and offers it as a download. The body is
 * read as it streams, so `onProgress` sees the bytes received; a stream the gateway cut off (a backend failed
 * mid-way) rejects here instead of saving a truncated file.
 */
export async function downloadExport(
  format: ExportFormat,
  filter: EventFilter,
  token: string | null,
  onProgress: (bytes: number) => void,
): Promise<void> {
  const r = await fetch(exportUrl(format, filter), { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!r.ok || !r.body) throw new Error(await failureOf(r));
  const parts: BlobPart[] = [];
  let bytes = 0;
  const reader = r.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    bytes += value.byteLength;
    onProgress(bytes);
  }
  const url = URL.createObjectURL(new Blob(parts, { type: r.headers.get('Content-Type') ?? undefined }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName(r.headers.get('Content-Disposition'), format);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
