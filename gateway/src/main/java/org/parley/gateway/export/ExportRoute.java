package org.parley.gateway.export;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.parley.gateway.client.ActorsClient;
import org.parley.gateway.client.EventsClient;
import org.parley.gateway.graphql.Access;
import org.parley.gateway.graphql.Sectors;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /export/events.csv} and {@code GET /export/events.geojson}: every event of a filter, as a file,
 * streamed (see {@link EventExport}). The query string carries the GraphQL {@code EventFilter} as JSON
 * ({@code ?filter={"actorIds":["…"],"rootCodes":["04"]}}) and optionally {@code orderBy} ({@link ExportRequest}).
 * Reading needs what a GraphQL query needs ({@link Access}: open, or role reader/editor where reads require a
 * role), and the caller's token is forwarded to the services as on every GraphQL call (client/CallerToken):
 * these routes open the request scope that the GraphQL endpoint gets from SmallRye, for the whole stream.
 */
@ApplicationScoped
public class ExportRoute {

    static final String CSV_PATH = "/export/events.csv";
    static final String GEOJSON_PATH = "/export/events.geojson";
    /** events-service's largest page (GET /events?limit ≤ 500): fewest round trips for a bounded page in memory. */
    static final int PAGE_SIZE = 500;

    private final EventsClient events;
    private final ActorsClient actors;
    private final Access access;
    private final CurrentIdentityAssociation identity;
    private final ObjectMapper json;

    public ExportRoute(EventsClient events, ActorsClient actors, Access access, CurrentIdentityAssociation identity,
            ObjectMapper json) {
        this.events = events;
        this.actors = actors;
        this.access = access;
        this.identity = identity;
        this.json = ExportRequest.strictMapper(json);
    }

    void install(@Observes Router router) {
        router.get(CSV_PATH).handler(ctx -> export(ctx, new CsvFormat()));
        router.get(GEOJSON_PATH).handler(ctx -> export(ctx, new GeoJsonFormat()));
    }

    private void export(RoutingContext ctx, ExportFormat format) {
        ManagedContext requestScope = Arc.container().requestContext();
        requestScope.activate();
        InjectableContext.ContextState scope = requestScope.getState();
        AtomicBoolean ended = new AtomicBoolean();
        Runnable done = () -> {
            if (ended.compareAndSet(false, true)) {
                requestScope.destroy(scope);
            }
        };
        try {
            // The identity Quarkus established for this request (proactively: a bad token never gets here).
            identity.setIdentity(QuarkusHttpUser.getSecurityIdentity(ctx, null));
            ExportRequest.refuseUnknown(ctx.queryParams().names());
            ExportRequest request = ExportRequest.parse(json, ctx.request().getParam("filter"),
                    ctx.request().getParam("orderBy"));
            Context vertx = Vertx.currentContext();
            String filename = "parley-events-" + LocalDate.now(ZoneOffset.UTC) + "." + format.extension();
            // includeSectors widens the actors as Query.events does (one relationships read) before the first page.
            access.requireReader().chain(() -> Sectors.expand(actors, request.query(), request.filter()))
                    .subscribe().with(query -> new EventExport(events, actors, query, format, PAGE_SIZE,
                            ctx.response(), vertx, done).start(filename), refused -> {
                                ExportProblem.of(refused).send(ctx.response());
                                done.run();
                            });
        } catch (ExportProblem problem) {
            problem.send(ctx.response());
            done.run();
        }
        // The scope stays active: ArC keeps it in this request's duplicated Vert.x context, where EventExport
        // runs every backend call; done destroys it when the response ends or the connection closes.
    }
}
