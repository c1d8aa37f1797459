// Persisted documents: each document the app sends is the manifest's text of it, identified by the
// manifest's sha256 (both written by graphql-codegen at build time).
import { CombinedError, mapExchange, type Exchange } from '@urql/core';
import manifest from '../gql/persisted-documents.json';

export const documentTexts = manifest as Record<string, string>;

interface HashedDocument {
  __meta__?: { hash?: string };
  loc?: unknown;
}

/**
 * Makes urql send the manifest's text of a document rather than its own print of it: urql sends a
 * document's `loc.source.body` when it has one, and the server checks an APQ registration by
 * hashing the text it gets, so the text must be exactly the one whose sha256 is in the manifest.
 */
export function withManifestText<T>(document: T): T {
  const d = document as HashedDocument;
  const text = d.__meta__?.hash ? documentTexts[d.__meta__.hash] : undefined;
  if (text && !d.loc) {
    d.loc = { start: 0, end: text.length, source: { body: text, name: 'persisted', locationOffset: { line: 1, column: 1 } } };
  }
  return document;
}

/** Hashes come from the build (the manifest), not from WebCrypto, which plain-http pages lack. */
export async function manifestHash(_text: string, document: unknown): Promise<string> {
  return (document as HashedDocument).__meta__?.hash ?? '';
}

/**
 * @urql/exchange-persisted recognises a miss by the message "PersistedQueryNotFound"; the gateway
 * may say it with extensions.code PERSISTED_QUERY_NOT_FOUND (and another message), so both count.
 */
export const persistedMissAsApq: Exchange = mapExchange({
  onResult(result) {
    const errors = result.error?.graphQLErrors;
    if (!errors?.some((e) => e.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND' && e.message !== 'PersistedQueryNotFound')) return result;
    return {
      ...result,
      error: new CombinedError({
        graphQLErrors: errors.map((e) => (e.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND' ? { message: 'PersistedQueryNotFound', extensions: e.extensions } : e)),
        response: result.error?.response,
      }),
    };
  },
});

