// A real client of the gateway's persisted documents: urql with @urql/exchange-persisted (automatic persisted
// queries, hashes sent by GET), as a web app uses it. Run by the JUnit tests (PersistedDocumentsTest,
// TrustedOnlyTest) against a test gateway whose manifests hold `query Typename {\n  __typename\n}`: urql hashes
// (and, on a miss, sends) its own print of a document, so a manifest holds the printed text, as graphql-codegen
// writes it:
//   node persisted-client.mjs http://127.0.0.1:PORT/graphql open|trusted-only
// Prints every HTTP exchange as one JSON line ("http {...}"), then "PASSED <mode>"; exits 1 on a failed check.
import assert from 'node:assert/strict';
import { Client, fetchExchange } from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';

const [url, mode] = process.argv.slice(2);
if (!url || !['open', 'trusted-only'].includes(mode)) {
  console.error('usage: node persisted-client.mjs http://127.0.0.1:PORT/graphql open|trusted-only');
  process.exit(2);
}

let exchanges = [];

// What went over the wire: method, whether the document's text was sent, the hash, the status.
async function recordingFetch(input, init) {
  const request = new Request(input, init);
  const params = request.method === 'GET'
    ? Object.fromEntries(new URL(request.url).searchParams)
    : JSON.parse(await request.clone().text());
  const extensions = typeof params.extensions === 'string' ? JSON.parse(params.extensions) : params.extensions;
  const response = await fetch(input, init);
  const exchange = {
    method: request.method,
    text: typeof params.query === 'string',
    hash: extensions?.persistedQuery?.sha256Hash ?? null,
    status: response.status,
  };
  exchanges.push(exchange);
  console.log('http ' + JSON.stringify(exchange));
  return response;
}

function client() {
  return new Client({
    url,
    exchanges: [persistedExchange({ preferGetForPersistedQueries: true }), fetchExchange],
    fetch: recordingFetch,
    requestPolicy: 'network-only',
  });
}

async function run(document) {
  exchanges = [];
  const result = await client().query(document, {}).toPromise();
  return { result, exchanges };
}

const unique = `query Apq${Date.now()}${Math.floor(Math.random() * 1e9)} { __typename }`;
const trusted = 'query Typename { __typename }'; // printed by urql as the manifest has it

// A document of the manifest: its hash alone, by GET, answers at once.
{
  const { result, exchanges } = await run(trusted);
  assert.equal(result.error, undefined, String(result.error));
  assert.equal(result.data.__typename, 'Query');
  assert.equal(exchanges.length, 1, JSON.stringify(exchanges));
  assert.deepEqual(exchanges[0], { method: 'GET', text: false, hash: exchanges[0].hash, status: 200 });
}

if (mode === 'open') {
  // Automatic persisted query: the hash misses (PersistedQueryNotFound), the client resends hash + text, ...
  const first = await run(unique);
  assert.equal(first.result.error, undefined, String(first.result.error));
  assert.equal(first.result.data.__typename, 'Query');
  assert.equal(first.exchanges.length, 2, JSON.stringify(first.exchanges));
  assert.equal(first.exchanges[0].method, 'GET');
  assert.equal(first.exchanges[0].text, false);
  assert.equal(first.exchanges[0].status, 404); // urql asks for application/graphql-response+json
  assert.equal(first.exchanges[1].text, true);
  assert.equal(first.exchanges[1].hash, first.exchanges[0].hash);
  assert.equal(first.exchanges[1].status, 200);
  // ... and from then on (another client, nothing cached on its side) the hash alone is enough.
  const again = await run(unique);
  assert.equal(again.result.error, undefined, String(again.result.error));
  assert.equal(again.result.data.__typename, 'Query');
  assert.deepEqual(again.exchanges, [{ method: 'GET', text: false, hash: first.exchanges[0].hash, status: 200 }]);
} else {
  // Trusted-only: the unknown hash misses, the resent text is refused, nothing runs.
  const refused = await run(unique);
  assert.equal(refused.result.data, undefined);
  assert.equal(refused.exchanges.length, 2, JSON.stringify(refused.exchanges));
  assert.equal(refused.exchanges[0].status, 404);
  assert.equal(refused.exchanges[1].text, true);
  assert.equal(refused.exchanges[1].status, 403);
  assert.equal(refused.result.error.graphQLErrors[0].extensions.code, 'PERSISTED_QUERY_NOT_IN_LIST');
}

console.log('PASSED ' + mode);
