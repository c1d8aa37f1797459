import { createHash } from 'node:crypto';
import type { CodegenConfig } from '@graphql-codegen/cli';

// Every document in src/ is validated against the gateway's checked-in schema: a schema change that
// breaks a query fails here (and the typed results then fail `tsc`), so it fails the web build.
const config: CodegenConfig = {
  schema: ['../gateway/schema.graphql', 'src/graphql/scalars.graphql'],
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*', '!src/**/*.test.ts'],
  ignoreNoDocuments: false,
  errorsOnly: true,
  silent: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        // Also writes src/gql/persisted-documents.json (sha256 → document): the manifest the
        // gateway loads (META-INF/parley/persisted-documents.json in the web jar). Plain hex keys
        // (not the preset's "sha256:" prefix): the same value the client sends as APQ's sha256Hash.
        persistedDocuments: { hashAlgorithm: (document: string) => createHash('sha256').update(document).digest('hex') },
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: { Date: 'string', DateTime: 'string' },
      },
    },
  },
};

export default config;
