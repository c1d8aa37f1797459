package org.parley.importer;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;

/**
 * The two services the import writes to, called directly (not through the gateway): one actors resolve,
 * one places resolve and one events batch per chunk. The URLs and the token are command-line options,
 * so the clients are built when the command starts ({@link #connect}) rather than from static
 * configuration. Reads that are safe to repeat are retried here; a chunk as a whole is retried by the
 * command, which reports each attempt.
 */
@ApplicationScoped
public class Services {

    public static final String ACTORS = "actors-service";
    public static final String EVENTS = "events-service";
    /** events-service's limit of actors per by-participants read. */
    static final int MAX_ACTORS_PER_READ = 500;

    /** Set once by {@link #connect} before any call; a CDI bean so that the fault-tolerance annotations apply. */
    private volatile ActorsApi actors;
    private volatile EventsApi events;

    public void connect(URI actorsUrl, URI eventsUrl, String token) {
        actors = client(actorsUrl, token, ActorsApi.class);
        events = client(eventsUrl, token, EventsApi.class);
    }

    private static <T> T client(URI url, String token, Class<T> api) {
        QuarkusRestClientBuilder builder = QuarkusRestClientBuilder.newBuilder().baseUri(url)
                // a 1000-event batch is one transaction in events-service that may take seconds
                .connectTimeout(5, TimeUnit.SECONDS).readTimeout(120, TimeUnit.SECONDS);
        if (token != null && !token.isBlank()) {
            builder.register(new BearerToken(token.strip()));
        }
        return builder.build(api);
    }

    /** Sends {@code Authorization: Bearer <token>}: the services take the bulk endpoints only with role {@code importer}. */
    static final class BearerToken implements ClientRequestFilter {
        private final String header;

        BearerToken(String token) {
            this.header = "Bearer " + token;
        }

        @Override
        public void filter(ClientRequestContext request) {
            request.getHeaders().putSingle("Authorization", header);
        }
    }

    @Retry(maxRetries = 5, delay = 1000, jitter = 500)
    @Timeout(value = 30, unit = java.time.temporal.ChronoUnit.SECONDS)
    public Uni<List<ImportModel.EventType>> eventTypes() {
        return events.eventTypes();
    }

    public Uni<ImportModel.ResolveResult> resolveActors(List<ImportModel.ActorItem> items) {
        return actors.resolveActors(new ImportModel.ActorResolveRequest(items));
    }

    public Uni<ImportModel.ResolveResult> resolvePlaces(List<ImportModel.PlaceItem> items) {
        return events.resolvePlaces(new ImportModel.PlaceResolveRequest(items));
    }

    public Uni<ImportModel.EventBatchResult> recordEvents(List<ImportModel.EventItem> items, boolean mergeStories) {
        return events.recordEvents(new ImportModel.EventBatchRequest(items, mergeStories));
    }

    /** events-service's count of each actor's events, in calls of ≤ 500 actors (its by-participants limit). */
    public Uni<List<ImportModel.EventCount>> countEvents(List<String> actorIds) {
        List<Uni<List<ImportModel.ParticipantCount>>> calls = new ArrayList<>();
        for (int from = 0; from < actorIds.size(); from += MAX_ACTORS_PER_READ) {
            String csv = String.join(",", actorIds.subList(from, Math.min(actorIds.size(), from + MAX_ACTORS_PER_READ)));
            calls.add(events.countByParticipants(csv, 1));
        }
        if (calls.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Uni.join().all(calls).andFailFast().map(lists -> lists.stream().flatMap(List::stream)
                .filter(p -> p.totalCount() != null)
                .map(p -> new ImportModel.EventCount(p.actorId(), p.totalCount())).toList());
    }

    public Uni<ImportModel.EventCountsResult> setEventCounts(List<ImportModel.EventCount> counts) {
        return actors.setEventCounts(new ImportModel.EventCountsRequest(counts));
    }

    /** The last file of {@code feed} imported completely, or null when there is none yet. */
    @Retry(maxRetries = 3, delay = 1000, abortOn = WebApplicationException.class)
    public Uni<ImportModel.FeedProgress> feedProgress(String feed) {
        return events.feedProgress(feed).onFailure(WebApplicationException.class)
                .recoverWithUni(e -> ((WebApplicationException) e).getResponse().getStatus() == 404
                        ? Uni.createFrom().nullItem()
                        : Uni.createFrom().failure(e));
    }

    /** Compare-and-set; never retried here: a 409 means another importer moved on first. */
    public Uni<ImportModel.FeedProgress> saveFeedProgress(String feed, String lastFile, Long expectedVersion) {
        return events.saveFeedProgress(feed, new ImportModel.FeedProgressUpdate(lastFile, expectedVersion));
    }
}
