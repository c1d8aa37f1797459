import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { CombinedError } from '@urql/core';
import { useEffect, useState } from 'preact/hooks';
import { client } from './client';
import { withManifestText } from './persisted';

export interface QueryState<T> {
  data?: T;
  error?: CombinedError;
  fetching: boolean;
}

/** Runs a query (or a mutation) once; resolves to data and/or the combined error. */
export async function request<T, V extends object>(doc: TypedDocumentNode<T, V>, variables: V, mutation = false) {
  const d = withManifestText(doc);
  return mutation ? client.mutation(d, variables).toPromise() : client.query(d, variables).toPromise();
}

/** The result of a query for the current variables; re-runs when their JSON changes; `pause` skips it. */
export function useQuery<T, V extends object>(doc: TypedDocumentNode<T, V>, variables: V, pause = false): QueryState<T> & { reload: () => void } {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<QueryState<T>>({ fetching: !pause });
  const [nonce, setNonce] = useState(0);
  useEffect(() => {
    if (pause) {
      setState({ fetching: false });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, fetching: true }));
    request(doc, variables).then((r) => {
      if (live) setState({ data: r.data as T | undefined, error: r.error, fetching: false });
    });
    return () => {
      live = false;
    };
  }, [key, pause, nonce]);
  return { ...state, reload: () => setNonce((n) => n + 1) };
}

/** A person-readable sentence for a failed request (the error's code first). */
export function describeError(error: CombinedError | undefined): string | undefined {
  if (!error) return undefined;
  if (error.networkError && !error.graphQLErrors.length) return `The request to the gateway failed: ${error.networkError.message}`;
  return error.graphQLErrors
    .map((e) => `${typeof e.extensions?.code === 'string' ? `${e.extensions.code}: ` : ''}${e.message}`)
    .join('; ');
}
