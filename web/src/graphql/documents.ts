// Every GraphQL operation the app sends. graphql-codegen validates them against
// gateway/schema.graphql, types their results, and writes them (by sha256) into the persisted
// documents manifest: nothing else in src/ builds a query.
import { graphql } from '../gql';

export const EventFieldsFragment = graphql(`
  fragment EventFields on Event {
    id
    version
    title
    summary
    start
    end
    precision
    status
    code
    type { code name rootCode quadClass goldstein }
    participants { role actorId actor { id name kind } }
    locationId
    location { id name kind latitude longitude parent { id name parent { id name } } }
    subjects { id name kind status parent { id name } }
    sources { id title publisher url excerpt publishedAt speakerId speaker { id name } }
    related { kind eventId event { id title start } }
  }
`);

export const EventsQuery = graphql(`
  query Events($filter: EventFilter, $first: Int, $after: String) {
    events(filter: $filter, first: $first, after: $after) {
      totalCount
      totalCountIsExact
      pageInfo { hasNextPage endCursor }
      edges { node { ...EventFields } }
    }
  }
`);

/** The CSV export: every match, page after page; no totalCount (it costs the backend a count). */
export const EventTypesQuery = graphql(`
  query EventTypes {
    eventTypes { code name rootCode quadClass goldstein }
  }
`);

export const SearchActorsQuery = graphql(`
  query SearchActors($text: String!) {
    actors(filter: { text: $text }, first: 8) {
      edges { node { id name kind country } }
    }
  }
`);

export const ActorNameQuery = graphql(`
  query ActorName($id: ID!) {
    actor(id: $id) { id name kind country }
  }
`);

export const PlaceQuery = graphql(`
  query Place($id: ID!) {
    place(id: $id) { id name kind status parent { id name kind parent { id name kind parent { id name kind } } } }
  }
`);

export const ActorQuery = graphql(`
  query Actor($id: ID!) {
    actor(id: $id) {
      id
      name
      kind
      aliases
      country
      cameoCode
      wikidataId
      description
      relationships {
        id type title since until direction otherId
        other {
          id name kind
          relationships { id type title since until direction otherId other { id name kind } }
        }
      }
      counterparts(limit: 10) { count actorId actor { id name kind } }
    }
  }
`);

export const DyadQuery = graphql(`
  query Dyad($a: ID!, $b: ID!, $interval: Interval) {
    dyad(a: $a, b: $b, interval: $interval) {
      a { id name }
      b { id name }
      interval
      series { period count goldsteinMean quadCounts { quadClass count } }
    }
  }
`);

export const MapEventsQuery = graphql(`
  query MapEvents($filter: EventFilter, $after: String) {
    events(filter: $filter, first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { id type { goldstein } location { id name kind latitude longitude } } }
    }
  }
`);

export const EventForEditQuery = graphql(`
  query EventForEdit($id: ID!) {
    event(id: $id) {
      id
      version
      title
      summary
      code
      start
      end
      precision
      status
      locationId
      externalIds
      subjects { id }
      participants { actorId role }
      sources { title publisher url excerpt publishedAt speakerId }
    }
  }
`);

export const LiveRecordedSubscription = graphql(`
  subscription LiveRecorded {
    eventRecorded { id title start status version type { name goldstein } }
  }
`);

export const LiveChangedSubscription = graphql(`
  subscription LiveChanged {
    eventChanged { id title start status version type { name goldstein } }
  }
`);

export const RecordEventMutation = graphql(`
  mutation RecordEvent($input: EventInput!, $idempotencyKey: String) {
    recordEvent(input: $input, idempotencyKey: $idempotencyKey) { id version title }
  }
`);

export const UpdateEventMutation = graphql(`
  mutation UpdateEvent($id: ID!, $version: Int!, $input: EventInput!) {
    updateEvent(id: $id, version: $version, input: $input) { id version title }
  }
`);

export const AddSourceMutation = graphql(`
  mutation AddSource($eventId: ID!, $input: SourceInput!, $idempotencyKey: String) {
    addSource(eventId: $eventId, input: $input, idempotencyKey: $idempotencyKey) { id version title sources { id url } }
  }
`);
