package org.parley.gateway.client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** events-service JSON shapes (see events-service/README.md). Unknown fields are ignored. */
public final class EventsModel {

    private EventsModel() {
    }

    public record Participant(String actorId, String role) {
    }

    public record Source(String id, String url, String publisher, String title, Instant publishedAt,
            String excerpt, String speakerId) {
    }

    public record Related(String kind, String eventId) {
    }

    public record Event(String id, String title, String summary, String code, Double goldstein,
            Integer quadClass, String rootCode, String status, LocalDate start, LocalDate end,
            String precision, String locationId, List<String> subjectIds, List<Participant> participants,
            List<Source> sources, List<Related> related, List<String> externalIds, long version,
            Instant createdAt, Instant updatedAt) {
    }

    /**
     * totalCount is null when the page was asked with count=false (counting costs far more than the page);
     * events-service stops counting at a limit, then totalCountIsExact is false (null from a service that
     * predates the limit: its counts were exact).
     */
    public record EventPage(List<Event> items, String nextCursor, Long totalCount, Boolean totalCountIsExact) {
    }

    /** totalCount and totalCountIsExact as in {@link EventPage}. */
    public record ParticipantEvents(String actorId, List<Event> items, Long totalCount, Boolean totalCountIsExact) {
    }

    public record Place(String id, String name, String kind, String countryCode, String parentId,
            Double latitude, Double longitude, String status, LocalDate statusSince, long version) {
    }

    public record EventType(String code, String name, String rootCode, Integer quadClass, Double goldstein) {
    }

    public record QuadCount(int quadClass, long count) {
    }

    public record Period(LocalDate period, long count, Double goldsteinMean, List<QuadCount> quadCounts) {
    }

    public record DyadStats(String a, String b, String interval, List<Period> series) {
    }

    /** One period of a group of GET /stats/counts; band is ChangeBand's name. */
    public record CountPeriod(LocalDate period, long count, Double goldsteinMean, List<QuadCount> quadCounts,
            double baseline, Double changePercent, String band) {
    }

    public record CountGroup(String key, String label, long total, List<CountPeriod> series) {
    }

    public record EventCounts(String groupBy, String interval, LocalDate from, LocalDate to, int baselinePeriods,
            List<CountGroup> groups) {
    }

    public record Counterpart(String actorId, long count) {
    }

    public record ActorCounterparts(String actorId, List<Counterpart> counterparts) {
    }

    /**
     * One message of GET /events/stream; {@link #RESET} (change "RESET", no event) stands for the
     * stream's {@code reset}: changes were lost, subscribers must refetch.
     */
    public record StreamChange(String change, String id, Event event) {
        public static final StreamChange RESET = new StreamChange("RESET", null, null);

        public boolean isReset() {
            return "RESET".equals(change);
        }
    }

    /** The listEvents filters; list fields are repeated query parameters, nulls are left out. */
    public record EventQuery(List<String> actors, String dyad, List<String> codes, List<String> roots,
            List<Integer> quads, List<String> statuses, LocalDate from, LocalDate to, List<String> places,
            String text, String sort) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SourceInput(String url, String publisher, String title, Instant publishedAt, String excerpt,
            String speakerId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ParticipantInput(String actorId, String role) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EventInput(String title, String summary, String code, String status, LocalDate start,
            LocalDate end, String precision, String locationId, List<String> subjectIds,
            List<ParticipantInput> participants, List<SourceInput> sources, List<String> externalIds,
            Long version) {
    }

    public record LinkInput(String kind, String eventId) {
    }
}
