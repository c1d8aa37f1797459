// GraphQL Mesh, the peer gateway of benchmark 2: composed from the two services' own OpenAPI
// documents (saved by bench/run.sh from /q/openapi into MESH_OPENAPI_DIR), with the two
// cross-service edges the front-end queries need, batched where Mesh can batch (keysArg).
import { defineConfig } from '@graphql-mesh/compose-cli';
import { loadOpenAPISubgraph } from '@omnigraph/openapi';

const dir = process.env.MESH_OPENAPI_DIR ?? '.';
const actors = process.env.MESH_ACTORS_URL ?? 'http://localhost:18081';
const events = process.env.MESH_EVENTS_URL ?? 'http://localhost:18082';
// The services answer application/json; Mesh would otherwise ask for the error type they declare
// (application/problem+json) and get 406.
const json = { accept: 'application/json' };

export const composeConfig = defineConfig({
  subgraphs: [
    { sourceHandler: loadOpenAPISubgraph('Actors', { source: `${dir}/actors.json`, endpoint: actors, operationHeaders: json }) },
    { sourceHandler: loadOpenAPISubgraph('Events', { source: `${dir}/events.json`, endpoint: events, operationHeaders: json }) },
  ],
  additionalTypeDefs: /* GraphQL */ `
    extend type Participant {
      actor: Actor @resolveTo(sourceName: "Actors", sourceTypeName: "Query", sourceFieldName: "listActors",
                              keyField: "actorId", keysArg: "ids", result: "items")
    }
    extend type Actor {
      events(limit: Int): EventPage @resolveTo(sourceName: "Events", sourceTypeName: "Query", sourceFieldName: "listEvents",
                              requiredSelectionSet: "{ id }", sourceArgs: { actor: ["{root.id}"], limit: "{args.limit}", count: "false" })
    }
  `,
});
