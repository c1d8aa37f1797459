package org.parley.gateway.graphql;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;

import org.dataloader.BatchLoaderEnvironment;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.smallrye.graphql.execution.datafetcher.PlugableBatchableDataFetcher;
import io.smallrye.graphql.schema.model.Operation;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.spi.DataFetcherService;
import io.smallrye.graphql.transformation.AbstractDataFetcherException;
import io.smallrye.mutiny.Uni;

/**
 * The data fetchers of the fields answered by a keyed loader (participants' actors, event types, places,
 * related events, relationships, Actor.events, counterparts): plain graphql-java fetchers that build the
 * field's key and return the DataLoader's own future, mapped to the schema type; and of the root reads of
 * {@link QueryApi} (actor, actors, event, events, place, dyad, eventTypes), which return their backend call's
 * future the same way, after {@link Access}'s check, with the request context active as SmallRye would have it.
 * <p>
 * SmallRye serves a {@code Uni} resolver with its Uni data fetcher, which per field and per object clones the
 * request's SmallRye context (and builds the field's selection as JSON, twice), re-activates and deactivates the
 * CDI request context, converts the arguments, invokes the bean through its invoker and chains the Uni into a
 * new CompletionStage and a DataFetcherResult. On a page of 20 events that is ~50 participant actors per request;
 * served here, the page costs ~0.8× the CPU per request (benchmark 6, bench/results/2026-11-30-b6-b.md). These fields need none of it: they read
 * their source object (and, for Actor.events and counterparts, their arguments, converted as SmallRye converts them:
 * {@link FieldArguments}), ask a loader and map its answer. No SmallRye context or request-scoped bean is read on the
 * way: a batch's backend call runs later, in its own task of the request's event loop (KeyedLoader), where the
 * caller's identity is still the request's (the forwarded token, TokenForwardingTest); and no role check applies
 * below the root (Access guards the root fields). Mutations and subscriptions stay SmallRye's (their role checks
 * are interceptors on the bean's methods, which this path would skip).
 * <p>
 * Errors keep their shape: a failed future goes to the execution's DataFetcherExceptionHandler, which is
 * SmallRye's (it unwraps CompletionException, shows GatewayError's message and extensions.code), exactly where
 * SmallRye's fetcher sent the same failure; an argument SmallRye cannot convert becomes the same partial result
 * SmallRye builds (AbstractDataFetcher.get).
 * <p>
 * The resolver methods stay as the schema's declarations (SmallRye builds the schema from them: names,
 * descriptions, arguments and their defaults); their bodies are not called while this service is registered
 * ({@code LoaderFetchersTest} checks every such field is served here). Plugged in through SmallRye's
 * DataFetcherService SPI (META-INF/services), like {@link PropertyFetchers}; no reflection: the table below
 * names each field's fetch method, and the resolver bean is looked up in ArC on first use.
 */
public class LoaderFetchers implements DataFetcherService {

    /** Resolver class and method (as SmallRye's model names them) → the fetch that answers that field. */
    private static final Map<String, Fetch<?>> FIELDS = Map.ofEntries(
            field(ActorsOfEvents.class, "participantActor", ActorsOfEvents::ofParticipant),
            field(ActorsOfEvents.class, "speaker", ActorsOfEvents::ofSpeaker),
            field(ActorsOfEvents.class, "counterpartActor", ActorsOfEvents::ofCounterpart),
            field(ActorsOfEvents.class, "dyadA", ActorsOfEvents::dyadEndA),
            field(ActorsOfEvents.class, "dyadB", ActorsOfEvents::dyadEndB),
            field(EventDetails.class, "type", EventDetails::typeOf),
            field(EventDetails.class, "location", EventDetails::locationOf),
            field(EventDetails.class, "subjects", EventDetails::subjectsOf),
            field(EventDetails.class, "parent", EventDetails::parentOf),
            field(EventDetails.class, "relatedEvent", EventDetails::relatedEventOf),
            field(ActorRelationships.class, "relationships", ActorRelationships::relationshipsOf),
            field(ActorRelationships.class, "other", ActorRelationships::otherOf),
            argumentsField(EventsOfActors.class, "events", EventsOfActors::eventsOf),
            argumentsField(EventsOfActors.class, "counterparts", EventsOfActors::counterpartsOf),
            rootField(QueryApi.class, "actor", QueryApi::actorOf),
            rootField(QueryApi.class, "actors", QueryApi::actorsOf),
            rootField(QueryApi.class, "event", QueryApi::eventOf),
            rootField(QueryApi.class, "events", QueryApi::eventsOf),
            rootField(QueryApi.class, "place", QueryApi::placeOf),
            rootField(QueryApi.class, "dyad", QueryApi::dyadOf),
            rootField(QueryApi.class, "eventTypes", QueryApi::eventTypesOf));

    @Override
    public Integer getPriority() {
        // Before Quarkus's own service (priority 1), which would give these Uni fields its Uni data fetcher.
        return 0;
    }

    @Override
    public PlugableBatchableDataFetcher<?, ?> getUniDataFetcher(Operation operation, Type type) {
        Fetch<?> fetch = FIELDS.get(key(operation.getClassName(), operation.getMethodName()));
        return fetch == null ? null : new LoaderFetcher<>(fetch, operation);
    }

    /** The fields this service answers, as {@code Class#method} (for the test that checks none fell back). */
    static java.util.Set<String> fields() {
        return FIELDS.keySet();
    }

    /**
     * The body of a resolver method this service answers: reached only if the service is not registered, which
     * LoaderFetchersTest would have caught.
     */
    static <T> Uni<T> servedByLoaderFetchers() {
        return Uni.createFrom().failure(new IllegalStateException("answered by LoaderFetchers, which is not registered"));
    }

    private static String key(String className, String methodName) {
        return className + "#" + methodName;
    }

    /** A field's fetch on its resolver bean: the environment's source (and arguments) → the loader's future. */
    @FunctionalInterface
    interface FieldFetch<B> {
        CompletionStage<?> fetch(B resolver, DataFetchingEnvironment field, List<Object> arguments)
                throws AbstractDataFetcherException;
    }

    private record Fetch<B>(Class<B> resolver, boolean needsArguments, boolean root, FieldFetch<B> fetch) {
    }

    private static <B> Map.Entry<String, Fetch<?>> field(Class<B> resolver, String method,
            BiFunction<B, DataFetchingEnvironment, CompletionStage<?>> fetch) {
        return Map.entry(key(resolver.getName(), method),
                new Fetch<>(resolver, false, false, (bean, field, ignored) -> fetch.apply(bean, field)));
    }

    /**
     * A field with arguments: they come converted as SmallRye converts them ({@link FieldArguments}: the source first,
     * then in order).
     */
    private static <B> Map.Entry<String, Fetch<?>> argumentsField(Class<B> resolver, String method,
            FieldFetch<B> fetch) {
        return Map.entry(key(resolver.getName(), method), new Fetch<>(resolver, true, false, fetch));
    }

    /**
     * A root read (QueryApi): its arguments as SmallRye converts them, in order; run with the operation's CDI request
     * context active, as SmallRye's fetcher runs a resolver, because {@link Access} reads the caller's identity.
     */
    private static <B> Map.Entry<String, Fetch<?>> rootField(Class<B> resolver, String method, FieldFetch<B> fetch) {
        return Map.entry(key(resolver.getName(), method), new Fetch<>(resolver, true, true, fetch));
    }

    /**
     * graphql-java calls {@link #get}; the batch entry point of the SPI is SmallRye's for {@code @Source List}
     * resolvers, which the gateway has none of.
     */
    static final class LoaderFetcher<B> implements PlugableBatchableDataFetcher<Object, Object> {
        private final Fetch<B> fetch;
        private final FieldArguments arguments;
        // The resolver bean of the running application (tests restart it: looked up again for a new container).
        private volatile ArcContainer container;
        private volatile B resolver;

        LoaderFetcher(Fetch<B> fetch, Operation operation) {
            this.fetch = fetch;
            this.arguments = fetch.needsArguments() ? new FieldArguments(operation.getArguments()) : null;
        }

        @Override
        public Object get(DataFetchingEnvironment field) throws Exception {
            Runnable afterRoot = fetch.root() ? activateRequestContext(field) : null;
            try {
                return fetch.fetch().fetch(resolver(), field, arguments == null ? List.of() : arguments.of(field));
            } catch (AbstractDataFetcherException e) {
                // An argument SmallRye could not convert: the partial result SmallRye's own fetcher builds.
                return e.appendDataFetcherResult(DataFetcherResult.newResult(), field).build();
            } catch (RuntimeException e) {
                // As a failed future: the same error (path, code) SmallRye's fetcher gave a throwing resolver.
                return CompletableFuture.failedFuture(e);
            } finally {
                if (afterRoot != null) {
                    afterRoot.run();
                }
            }
        }

        /** The field's arguments as its resolver's parameters (null for a field without any). */
        FieldArguments arguments() {
            return arguments;
        }

        /**
         * A root field runs inside the operation's execution call, where the request context is active (over HTTP,
         * GraphQLExecution; over the WebSocket, SmallRye's handler); where it is not, the operation's own context
         * state (SmallRye keeps it in the GraphQL context as "state") is activated for the synchronous part of the
         * fetch, as SmallRye's fetcher does (Quarkus's RequestContextHelper); without one, a context of its own,
         * ended with the fetch. Returns what to run after the fetch, or null.
         */
        private static Runnable activateRequestContext(DataFetchingEnvironment field) {
            ManagedContext requestContext = Arc.container().requestContext();
            if (requestContext.isActive()) {
                return null;
            }
            if (field.getGraphQlContext().get("state") instanceof InjectableContext.ContextState state) {
                requestContext.activate(state);
                return requestContext::deactivate;
            }
            requestContext.activate();
            return requestContext::terminate;
        }

        private B resolver() {
            ArcContainer current = Arc.container();
            B bean = resolver;
            if (bean == null || container != current) {
                bean = current.instance(fetch.resolver()).get();
                resolver = bean;
                container = current;
            }
            return bean;
        }

        @Override
        public CompletionStage<List<Object>> load(List<Object> keys, BatchLoaderEnvironment environment) {
            throw new UnsupportedOperationException("not a batched (@Source List) field");
        }
    }
}
