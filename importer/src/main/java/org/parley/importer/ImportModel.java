package org.parley.importer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * JSON shapes of the services' endpoints the import uses (actors-service and events-service READMEs) and
 * of one chunk's outcome. Registered for reflection because Jackson reads and writes them in a native
 * image too (nested types are not all reachable from the REST signatures).
 */
@RegisterForReflection(targets = { ImportModel.ActorItem.class, ImportModel.ActorResolveRequest.class,
        ImportModel.PlaceItem.class, ImportModel.PlaceResolveRequest.class, ImportModel.Resolved.class,
        ImportModel.ResolveResult.class, ImportModel.Participant.class, ImportModel.Source.class,
        ImportModel.EventItem.class, ImportModel.EventBatchRequest.class, ImportModel.EventBatchResult.class,
        ImportModel.EventType.class, ImportModel.FeedProgress.class, ImportModel.EventCount.class,
        ImportModel.EventCountsRequest.class, ImportModel.EventCountsResult.class, ImportModel.ParticipantCount.class, ImportModel.FeedProgressUpdate.class,
        ImportFailure.Problem.class, ImportFailure.Violation.class })
public final class ImportModel {

    private ImportModel() {
    }

    /**
     * POST /actors/resolve item; key = (cameoCode, folded name). {@code sectorOf}: the code of the state
     * item (in the same request) this sector belongs to; actors-service links the two.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ActorItem(String cameoCode, String name, String country, String kind, String sectorOf) {

        public ActorItem(String cameoCode, String name, String country, String kind) {
            this(cameoCode, name, country, kind, null);
        }
    }

    public record ActorResolveRequest(List<ActorItem> items) {
    }

    /** POST /places/resolve item; key = "gdelt-feature:&lt;FeatureID&gt;". */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PlaceItem(String key, String name, String kind, String countryCode, Double latitude,
            Double longitude) {
    }

    public record PlaceResolveRequest(List<PlaceItem> items) {
    }

    public record Resolved(String id, boolean created) {
    }

    public record ResolveResult(List<Resolved> items) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Participant(String actorId, String role) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(String url, String publisher, String title, Instant publishedAt) {
    }

    /** events-service EventInput as the import fills it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EventItem(String title, String summary, String code, String status, LocalDate start,
            String precision, String locationId, List<Participant> participants, List<Source> sources,
            List<String> externalIds, Map<String, Double> metrics) {
    }

    /** {@code mergeStories}: events-service merges reports of one story into one event (importer README). */
    public record EventBatchRequest(List<EventItem> items, boolean mergeStories) {
    }

    /** {@code ids}: per item, the event that holds it (new or merged into), null when it was a duplicate. */
    public record EventBatchResult(int inserted, int merged, int skipped, List<String> ids) {
    }

    /** events-service's CAMEO catalogue entry ({@code GET /event-types}). */
    /** actors-service's POST /actors/event-counts item: an actor's events, as events-service counts them. */
    public record EventCount(String id, long count) {
    }

    public record EventCountsRequest(List<EventCount> items) {
    }

    public record EventCountsResult(int updated) {
    }

    /** events-service's GET /events/by-participants entry; only the count is read. */
    public record ParticipantCount(String actorId, Long totalCount) {
    }

    public record EventType(String code, String name, String rootCode, Integer quadClass, Double goldstein) {
    }

    /** events-service's {@code GET /imports/{feed}}: the last file of a feed imported completely. */
    public record FeedProgress(String feed, String lastFile, long version, Instant updatedAt) {
    }

    /**
     * events-service's {@code PUT /imports/{feed}}: move on to {@code lastFile} if the record is still at
     * {@code version} (null: there is none yet); 409 otherwise.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FeedProgressUpdate(String lastFile, Long version) {
    }

    /** A line that was not imported, and why. */
    public record Rejection(long line, String reason) {
    }

    /**
     * The answer for one chunk: {@code rows = imported + duplicates + rejected.size()}; duplicates are
     * rows whose GLOBALEVENTID was imported before (or earlier in the same chunk); {@code events}: the
     * new events the imported rows made (a row of a story already stored is merged into its event).
     */
    public record ImportReport(String file, long firstLine, int rows, int imported, int duplicates, int events,
            List<Rejection> rejected) {
    }
}
