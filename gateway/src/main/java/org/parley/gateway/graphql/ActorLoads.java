package org.parley.gateway.graphql;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.gateway.client.ActorsClient;
import org.parley.gateway.client.ActorsModel;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Actors by id for the batched edges, one {@code GET /actors?ids=…} per nesting level of a request.
 *
 * <p>
 * Why: each batched field is its own DataLoader, so {@code participants { actor }} and
 * {@code sources { speaker }} of the same events were two calls to actors-service for one level.
 * graphql-java dispatches the loaders of a level one after another in the same event-loop task; here
 * every load asked during that task joins one pending set (kept in the request's duplicated Vert.x
 * context, so requests never share it), which is sent once the task is over. Off an event loop (or on
 * a root context) a load is simply its own call.
 */
@ApplicationScoped
public class ActorLoads {

    private static final String PENDING = ActorLoads.class.getName() + ".pending";

    private final ActorsClient actors;

    public ActorLoads(ActorsClient actors) {
        this.actors = actors;
    }

    /** The actors known among {@code ids}; unknown ids are absent. */
    public Uni<Map<String, ActorsModel.Actor>> byIds(Collection<String> ids) {
        Context context = Vertx.currentContext();
        if (context == null || !VertxContext.isDuplicatedContext(context)) {
            return actors.findActorsByIds(ids);
        }
        Pending pending = ContextLocals.<Pending> get(PENDING).orElse(null);
        if (pending == null) {
            Pending opened = new Pending();
            ContextLocals.put(PENDING, opened);
            // runs after the current task: every loader of this level has added its ids by then
            context.runOnContext(ignored -> {
                ContextLocals.remove(PENDING);
                actors.findActorsByIds(opened.ids).subscribe()
                        .with(opened.result::complete, opened.result::completeExceptionally);
            });
            pending = opened;
        }
        pending.ids.addAll(ids);
        return Uni.createFrom().completionStage(pending.result);
    }

    private static final class Pending {
        final Set<String> ids = new LinkedHashSet<>();
        final CompletableFuture<Map<String, ActorsModel.Actor>> result = new CompletableFuture<>();
    }
}
