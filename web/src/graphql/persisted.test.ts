import { createHash } from 'node:crypto';
import { Client, createRequest, fetchExchange, stringifyDocument } from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';
import { describe, expect, it, vi } from 'vitest';
import * as generated from '../gql/graphql';
import { documentTexts, manifestHash, persistedMissAsApq, withManifestText } from './persisted';

const documents = Object.entries(generated).filter(([name]) => name.endsWith('Document')) as [string, { __meta__?: { hash: string } }][];

describe('persisted documents', () => {
  it('has every operation of the app in the manifest, keyed by the sha256 of its text', () => {
    expect(documents.length).toBeGreaterThan(10);
    for (const [name, doc] of documents) {
      const hash = doc.__meta__?.hash;
      expect(hash, name).toMatch(/^[0-9a-f]{64}$/);
      expect(createHash('sha256').update(documentTexts[hash!]).digest('hex'), name).toBe(hash);
    }
    expect(Object.keys(documentTexts).sort()).toEqual(documents.map(([, d]) => d.__meta__!.hash).sort());
  });

  it('sends exactly the manifest text, so the gateway can register and check it by hash', async () => {
    for (const [name, doc] of documents) {
      const hash = doc.__meta__!.hash;
      const request = createRequest(withManifestText(doc as never), {});
      expect(stringifyDocument(request.query), name).toBe(documentTexts[hash]);
      expect(await manifestHash('', request.query)).toBe(hash);
    }
  });
});

describe('sending by hash', () => {
  const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

  function clientWith(fetch: typeof globalThis.fetch) {
    return new Client({
      url: 'http://gateway.test/graphql',
      fetch,
      requestPolicy: 'network-only',
      exchanges: [persistedExchange({ preferGetForPersistedQueries: 'within-url-limit', generateHash: manifestHash }), persistedMissAsApq, fetchExchange],
    });
  }

  it('asks by GET with the hash only, and repeats with the full document on PERSISTED_QUERY_NOT_FOUND', async () => {
    const fetch = vi.fn()
      .mockResolvedValueOnce(json({ errors: [{ message: 'Unknown persisted document', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] }))
      .mockResolvedValueOnce(json({ data: { eventTypes: [] } }));
    const result = await clientWith(fetch).query(withManifestText(generated.EventTypesDocument), {}).toPromise();
    expect(result.error).toBeUndefined();
    expect(result.data).toEqual({ eventTypes: [] });
    expect(fetch).toHaveBeenCalledTimes(2);
    const hash = (generated.EventTypesDocument as { __meta__?: { hash: string } }).__meta__!.hash;

    const [firstUrl, first] = fetch.mock.calls[0];
    expect(first.method).toBe('GET');
    const asked = new URL(firstUrl);
    expect(asked.searchParams.get('query')).toBeNull();
    expect(JSON.parse(asked.searchParams.get('extensions')!)).toEqual({ persistedQuery: { version: 1, sha256Hash: hash } });

    const [secondUrl, second] = fetch.mock.calls[1];
    const body = second.method === 'POST' ? JSON.parse(second.body) : Object.fromEntries(new URL(secondUrl).searchParams);
    expect(body.query).toBe(documentTexts[hash]);
  });

  it('also recognises the APQ message PersistedQueryNotFound', async () => {
    const fetch = vi.fn()
      .mockResolvedValueOnce(json({ errors: [{ message: 'PersistedQueryNotFound' }] }))
      .mockResolvedValueOnce(json({ data: { eventTypes: [] } }));
    const result = await clientWith(fetch).query(withManifestText(generated.EventTypesDocument), {}).toPromise();
    expect(result.data).toEqual({ eventTypes: [] });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('passes other errors through untouched', async () => {
    const fetch = vi.fn().mockResolvedValueOnce(json({ errors: [{ message: 'too deep', extensions: { code: 'QUERY_TOO_COMPLEX' } }] }));
    const result = await clientWith(fetch).query(withManifestText(generated.EventTypesDocument), {}).toPromise();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(result.error?.graphQLErrors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
  });
});
