// The app's one GraphQL client: queries and mutations over HTTP on /graphql, subscriptions over
// graphql-transport-ws on the same path. Queries are sent as persisted documents (APQ
// extensions.persistedQuery with the manifest's sha256, by GET) unless the build turned that off
// (VITE_PERSISTED_DOCUMENTS=false); a gateway that does not know a hash answers
// PERSISTED_QUERY_NOT_FOUND and the same request is repeated with the full document.
import { Client, fetchExchange, subscriptionExchange } from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';
import { createClient as createWsClient } from 'graphql-ws/client';
import { reconnectDelay } from './backoff';
import { manifestHash, persistedMissAsApq } from './persisted';

export const PERSISTED_DOCUMENTS = import.meta.env.VITE_PERSISTED_DOCUMENTS !== 'false';

// --- bearer token (editors) --------------------------------------------------------------------
const TOKEN_KEY = 'parley.token';
export function getToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}
export function setToken(token: string | null): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token.trim());
  else sessionStorage.removeItem(TOKEN_KEY);
}

// --- subscriptions: connection state and reconnecting -----------------------------------------
export type LiveStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';
let liveStatus: LiveStatus = 'connecting';
const statusListeners = new Set<(s: LiveStatus) => void>();
function setLiveStatus(s: LiveStatus) {
  liveStatus = s;
  statusListeners.forEach((l) => l(s));
}
export function onLiveStatus(listener: (s: LiveStatus) => void): () => void {
  statusListeners.add(listener);
  listener(liveStatus);
  return () => statusListeners.delete(listener);
}

const wsUrl = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;

/** Created when the first subscription starts (the Live view), not on page load. */
let ws: ReturnType<typeof createWsClient> | undefined;
const wsClient = () => (ws ??= createWsClient({
  url: wsUrl,
  lazy: true,
  keepAlive: 10_000,
  retryAttempts: Number.POSITIVE_INFINITY,
  // Every close is worth another try (a restarted gateway closes with 1006 or 1001).
  shouldRetry: () => true,
  retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, reconnectDelay(retries))),
  on: {
    connecting: (isRetry) => setLiveStatus(typeof navigator !== 'undefined' && !navigator.onLine ? 'offline' : isRetry ? 'reconnecting' : 'connecting'),
    connected: () => setLiveStatus('connected'),
    closed: () => {
      if (liveStatus === 'connected') setLiveStatus(navigator.onLine ? 'reconnecting' : 'offline');
    },
  },
}));

export const client = new Client({
  url: '/graphql',
  exchanges: [
    ...(PERSISTED_DOCUMENTS
      ? [persistedExchange({ preferGetForPersistedQueries: 'within-url-limit', generateHash: manifestHash }), persistedMissAsApq]
      : []),
    fetchExchange,
    subscriptionExchange({
      forwardSubscription: (request) => ({
        subscribe: (sink) => ({ unsubscribe: wsClient().subscribe({ ...request, query: request.query ?? '' }, sink) }),
      }),
    }),
  ],
  // No document cache: each view asks for what it shows (urql's cache would also add __typename
  // to the documents, and they would no longer be the ones in the manifest).
  requestPolicy: 'network-only',
  // urql would GET every query that fits in a URL; without persisted documents, POST as before.
  preferGetMethod: PERSISTED_DOCUMENTS ? 'within-url-limit' : false,
  fetchOptions: (): RequestInit => {
    const token = getToken();
    return token ? { headers: { Authorization: `Bearer ${token}` } } : {};
  },
});
