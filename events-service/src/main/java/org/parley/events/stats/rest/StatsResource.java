package org.parley.events.stats.rest;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.parley.common.problem.ApiException;
import org.parley.common.params.Params;
import org.parley.common.problem.Problem;
import org.parley.events.event.EventFilter;
import org.parley.events.event.rest.EventResource;
import org.parley.events.stats.CountGroup;
import org.parley.events.stats.Counterparts;
import org.parley.events.stats.DyadStats;
import org.parley.events.stats.EventCounts;
import org.parley.events.stats.Period;
import org.parley.events.stats.repository.CountsRepository;
import org.parley.events.stats.repository.StatsRepository;

import io.smallrye.mutiny.Uni;

@Path("/stats")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Bad request",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class StatsResource {

    /** Bounds of /stats/counts: enough for five years of weeks; beyond that a query reads too much at once. */
    static final int MAX_BASELINE_PERIODS = 260;
    static final int MAX_PERIODS = 260;
    static final int MAX_GROUPS = 100;

    private final StatsRepository stats;
    private final CountsRepository counts;

    public StatsResource(StatsRepository stats, CountsRepository counts) {
        this.stats = stats;
        this.counts = counts;
    }

    @GET
    @Path("/counts")
    @Operation(operationId = "eventCounts", summary = "Per group and period: events, mean Goldstein, QuadClass counts "
            + "and the change against the group's own baseline (the mean of its preceding periods)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EventCounts.class)))
    public Uni<EventCounts> eventCounts(@QueryParam("groupBy") String groupBy, @QueryParam("interval") String interval,
            @QueryParam("baseline") String baseline, @QueryParam("limit") String limit,
            @QueryParam("actor") List<String> actor, @QueryParam("dyad") String dyad,
            @QueryParam("code") List<String> code, @QueryParam("root") List<String> root,
            @QueryParam("quad") List<String> quad, @QueryParam("status") List<String> status,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("place") List<String> place, @QueryParam("text") String text) {
        if (groupBy == null || groupBy.isBlank()) {
            throw ApiException.badRequest("groupBy", "give one of actor, dyad, country, place, root, quad");
        }
        CountGroup group = Params.enumValue("groupBy", groupBy, CountGroup.class);
        String unit = interval(interval);
        EventFilter filter = EventResource.filter(actor, dyad, code, root, quad, status, from, to, place, text);
        LocalDate last = CountsRepository.periodStart(filter.to() != null ? filter.to() : LocalDate.now(ZoneOffset.UTC), unit);
        LocalDate first = filter.from() != null ? CountsRepository.periodStart(filter.from(), unit)
                : CountsRepository.plus(last, unit, -11);
        if (first.isAfter(last)) {
            throw ApiException.badRequest("from", "must not be after 'to' (default: today)");
        }
        if (CountsRepository.plus(first, unit, MAX_PERIODS - 1).isBefore(last)) {
            throw ApiException.badRequest("from", "at most " + MAX_PERIODS + " periods from 'from' to 'to'");
        }
        int defaultBaseline = switch (unit) {
            case "week" -> 52;
            case "month" -> 12;
            default -> 5;
        };
        return counts.counts(filter, group, unit, first, last,
                Params.intValue("baseline", baseline, defaultBaseline, 1, MAX_BASELINE_PERIODS),
                Params.intValue("limit", limit, 20, 1, MAX_GROUPS));
    }

    @GET
    @Path("/dyad")
    @Operation(operationId = "dyadStats", summary = "Per period: events of both actors, mean Goldstein, counts per QuadClass")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DyadStats.class)))
    public Uni<DyadStats> dyadStats(@QueryParam("a") String a, @QueryParam("b") String b,
            @QueryParam("interval") String interval, @QueryParam("from") String from, @QueryParam("to") String to) {
        UUID first = Params.uuid("a", a);
        UUID second = Params.uuid("b", b);
        if (first.equals(second)) {
            throw ApiException.badRequest("b", "a dyad needs two different actors");
        }
        String unit = interval(interval);
        LocalDate fromDate = Params.date("from", from);
        LocalDate toDate = Params.date("to", to);
        return stats.periods(List.of(first, second), unit, fromDate, toDate)
                .map(series -> new DyadStats(first, second, unit, series));
    }

    @GET
    @Path("/actors/{id}/timeline")
    @Operation(operationId = "timeline", summary = "Per period: the actor's events, mean Goldstein, counts per QuadClass")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Period[].class)))
    public Uni<List<Period>> timeline(@PathParam("id") String id, @QueryParam("interval") String interval,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return stats.periods(List.of(Params.uuid("id", id)), interval(interval), Params.date("from", from),
                Params.date("to", to));
    }

    @GET
    @Path("/actors/{id}/counterparts")
    @Operation(operationId = "counterparts", summary = "The actor's top co-participants with shared event counts")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Counterparts.Counterpart[].class)))
    public Uni<List<Counterparts.Counterpart>> counterparts(@PathParam("id") String id, @QueryParam("limit") String limit) {
        return stats.counterparts(List.of(Params.uuid("id", id)), Params.intValue("limit", limit, 10, 1, 100))
                .map(list -> list.get(0).counterparts());
    }

    @GET
    @Path("/counterparts")
    @Operation(operationId = "counterpartsOfActors", summary = "Top co-participants of several actors in one query (gateway batching)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Counterparts.OfActor[].class)))
    public Uni<List<Counterparts.OfActor>> counterpartsOfActors(@QueryParam("actors") List<String> actors,
            @QueryParam("limit") String limit) {
        List<UUID> ids = Params.uuids("actors", actors);
        if (ids.isEmpty() || ids.size() > 500) {
            throw ApiException.badRequest("actors", "give 1 to 500 actor ids");
        }
        return stats.counterparts(ids, Params.intValue("limit", limit, 10, 1, 100));
    }

    private static String interval(String interval) {
        if (interval == null || interval.isBlank()) {
            return "month";
        }
        String unit = interval.trim().toLowerCase();
        if (!unit.equals("month") && !unit.equals("week") && !unit.equals("year")) {
            throw ApiException.badRequest("interval", "unknown value '" + interval + "', expected month, week or year");
        }
        return unit;
    }
}
