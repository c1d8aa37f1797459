// Hive Gateway serving the Mesh supergraph for benchmark 2: one worker (bench/run.sh passes
// --fork 1), per-request logging off (errors only), no response cache (none is configured),
// no GraphiQL/landing page.
import { defineConfig } from '@graphql-hive/gateway';

export const gatewayConfig = defineConfig({
  logging: 'error',
  graphiql: false,
  landingPage: false,
});
