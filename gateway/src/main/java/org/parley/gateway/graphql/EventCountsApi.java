package org.parley.gateway.graphql;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.parley.gateway.client.ActorsClient;
import org.parley.gateway.client.ActorsModel;
import org.parley.gateway.client.EventStreamClient;
import org.parley.gateway.client.EventsClient;
import org.parley.gateway.client.EventsModel;
import org.parley.gateway.graphql.model.ActivityAlert;
import org.parley.gateway.graphql.model.ActivityThreshold;
import org.parley.gateway.graphql.model.AlertCrossing;
import org.parley.gateway.graphql.model.BaselineInput;
import org.parley.gateway.graphql.model.ChangeBand;
import org.parley.gateway.graphql.model.CountGroup;
import org.parley.gateway.graphql.model.CountGroupBy;
import org.parley.gateway.graphql.model.CountPeriod;
import org.parley.gateway.graphql.model.Event;
import org.parley.gateway.graphql.model.EventCounts;
import org.parley.gateway.graphql.model.EventFilter;
import org.parley.gateway.graphql.model.Interval;
import org.parley.gateway.graphql.model.QuadCount;

import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Counts against a baseline (issue 17): {@code eventCounts} asks events-service once (GET /stats/counts,
 * which groups, counts and compares in one SQL statement) and names the actors of ACTOR and DYAD groups
 * with one actors-service call; {@code activityAlerts} recounts the running period whenever a matching
 * change arrives on the shared event stream and emits when a group crosses the threshold. Its own API
 * class so the shared QueryApi and SubscriptionApi stay as they are.
 */
@GraphQLApi
public class EventCountsApi {

    static final int MAX_BASELINE_PERIODS = 260;
    static final int MAX_GROUPS = 100;
    private static final List<ChangeBand> DEFAULT_ALERT_BANDS = List.of(ChangeBand.MUCH_HIGHER, ChangeBand.NEW);

    private final EventsClient events;
    private final ActorsClient actors;
    private final EventStreamClient stream;
    private final Access access;

    public EventCountsApi(EventsClient events, ActorsClient actors, EventStreamClient stream, Access access) {
        this.events = events;
        this.actors = actors;
        this.stream = stream;
        this.access = access;
    }

    @Query
    @Description("Events per group and period with each group's change against its own baseline (the mean count of "
            + "its preceding periods), for any filter: the filter's from/to choose the periods shown (default: the "
            + "12 periods up to today); groups are ranked by their events in those periods")
    public Uni<EventCounts> eventCounts(EventFilter filter, @NonNull CountGroupBy groupBy,
            @DefaultValue("MONTH") Interval interval, BaselineInput baseline, @DefaultValue("20") Integer first) {
        return access.requireReader().chain(() -> Uni.createFrom().deferred(() -> {
            Interval unit = interval == null ? Interval.MONTH : interval;
            return count(filter, groupBy, unit, baselinePeriods(baseline), limit(first, "first"));
        })).onFailure().transform(GatewayError::from);
    }

    @Subscription
    @Description("Alerts when a group's count in the running period (this week, month or year, against the baseline "
            + "periods before it) enters the threshold's bands, and when it leaves them again: once per crossing. "
            + "Groups already in the bands when the subscription starts are announced at once (previousBand null). "
            + "Watches the 100 groups with most events in the running period; recounts on every matching change")
    public Multi<ActivityAlert> activityAlerts(EventFilter filter, @NonNull CountGroupBy groupBy,
            @DefaultValue("WEEK") Interval interval, BaselineInput baseline, ActivityThreshold threshold) {
        // Checked now, while the operation (and its connection_init token) is current, not on subscription.
        Uni<Void> allowed = access.requireReader();
        return Uni.createFrom().item(() -> {
                    if (filter != null && (filter.from() != null || filter.to() != null)) {
                        throw GatewayError.badInput("activityAlerts watches the running period: leave filter.from and filter.to out");
                    }
                    EventMatcher.of(filter); // refuses a bad filter before anything else
                    return new Watch(null, null, baselinePeriods(baseline), threshold(threshold));
                })
                .call(() -> allowed)
                // With includeSectors a sector's events count too, so they must trigger a recount: match changes
                // against the widened actor list (read once, when the subscription starts; every recount uses it).
                .chain(w -> Sectors.expand(actors, EventQueries.of(filter, null), filter)
                        .map(q -> withActors(filter, q.actors()))
                        .map(widened -> new Watch(widened, EventMatcher.of(widened), w.baselinePeriods(), w.bands(),
                                w.minCount())))
                .onFailure().transform(GatewayError::from)
                .onItem().transformToMulti(watch -> {
                    Interval unit = interval == null ? Interval.WEEK : interval;
                    AlertState state = new AlertState(watch.bands(), watch.minCount());
                    // The first count states where every group is; then each matching change (or deletion,
                    // which carries no event to match) counts again. Changes that arrive while a count runs
                    // are merged into one more count (only the latest is kept).
                    Multi<Boolean> changes = stream.changes()
                            .invoke(c -> {
                                if (c.isReset()) {
                                    throw GatewayError.of(GatewayError.RESYNC_REQUIRED, SubscriptionApi.RESYNC_MESSAGE);
                                }
                            })
                            .filter(c -> "DELETED".equals(c.change())
                                    || (c.event() != null && watch.matches().test(Mapping.event(c.event()))))
                            .map(c -> Boolean.TRUE);
                    return Multi.createBy().concatenating().streams(Multi.createFrom().item(Boolean.TRUE), changes)
                            .onOverflow().dropPreviousItems()
                            .onItem().<EventCounts> transformToUniAndConcatenate(any -> {
                                LocalDate today = LocalDate.now(ZoneOffset.UTC);
                                EventFilter running = within(watch.filter(), today, today);
                                return count(running, groupBy, unit, watch.baselinePeriods(), MAX_GROUPS)
                                        .onFailure().transform(GatewayError::from);
                            })
                            .onItem().transformToIterable(state::crossings);
                });
    }

    /** {@code filter}: the subscription's filter with its actors widened by their sectors (includeSectors off). */
    private record Watch(EventFilter filter, Predicate<Event> matches, Integer baselinePeriods, List<ChangeBand> bands,
            int minCount) {
        Watch(EventFilter filter, Predicate<Event> matches, Integer baselinePeriods, ActivityThreshold threshold) {
            this(filter, matches, baselinePeriods, threshold.bands(), threshold.minCount());
        }
    }

    /** Which groups are in the threshold's bands now; a change of that is a crossing. Used by one subscription. */
    static final class AlertState {
        private final Set<ChangeBand> bands;
        private final int minCount;
        private final Map<String, ChangeBand> lastBand = new HashMap<>();
        private final Set<String> inside = new LinkedHashSet<>();

        AlertState(List<ChangeBand> bands, int minCount) {
            this.bands = Set.copyOf(bands);
            this.minCount = minCount;
        }

        synchronized List<ActivityAlert> crossings(EventCounts counts) {
            List<ActivityAlert> out = new ArrayList<>();
            for (CountGroup g : counts.groups()) {
                CountPeriod now = g.series().get(g.series().size() - 1);
                boolean in = bands.contains(now.band()) && now.count() >= minCount;
                ChangeBand before = lastBand.put(g.key(), now.band());
                if (in != inside.contains(g.key())) {
                    if (in) {
                        inside.add(g.key());
                    } else {
                        inside.remove(g.key());
                    }
                    out.add(new ActivityAlert(in ? AlertCrossing.ENTERED : AlertCrossing.LEFT, before, g, now));
                }
            }
            return out;
        }
    }

    private Uni<EventCounts> count(EventFilter filter, CountGroupBy groupBy, Interval interval, Integer baselinePeriods,
            int limit) {
        return Sectors.expand(actors, EventQueries.of(filter, null), filter)
                .chain(q -> events.eventCounts(q, restName(groupBy), interval.name().toLowerCase(Locale.ROOT),
                        baselinePeriods, limit))
                .chain(counts -> names(groupBy, counts).map(names -> new EventCounts(groupBy, interval, counts.from(),
                        counts.to(), counts.baselinePeriods(),
                        Mapping.nonNull(counts.groups()).stream().map(g -> group(groupBy, g, names)).toList())));
    }

    /**
     * The actors' names of ACTOR and DYAD groups in one actors-service call. Names are decoration: when
     * actors-service cannot answer, the counts still come, with null names.
     */
    private Uni<Map<String, ActorsModel.Actor>> names(CountGroupBy groupBy, EventsModel.EventCounts counts) {
        if (groupBy != CountGroupBy.ACTOR && groupBy != CountGroupBy.DYAD) {
            return Uni.createFrom().item(Map.of());
        }
        Set<String> ids = new LinkedHashSet<>();
        Mapping.nonNull(counts.groups()).forEach(g -> ids.addAll(actorIds(groupBy, g.key())));
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return actors.findActorsByIds(ids).onFailure().recoverWithItem(Map.of());
    }

    private static CountGroup group(CountGroupBy groupBy, EventsModel.CountGroup g, Map<String, ActorsModel.Actor> names) {
        List<String> ids = actorIds(groupBy, g.key());
        String name = g.label();
        if (!ids.isEmpty()) {
            List<String> known = ids.stream().map(names::get).filter(java.util.Objects::nonNull)
                    .map(ActorsModel.Actor::name).toList();
            name = known.size() == ids.size() ? String.join(" — ", known) : null;
        }
        return new CountGroup(g.key(), name, ids, (int) g.total(),
                Mapping.nonNull(g.series()).stream().map(EventCountsApi::period).toList());
    }

    private static CountPeriod period(EventsModel.CountPeriod p) {
        return new CountPeriod(p.period(), (int) p.count(), p.goldsteinMean(),
                Mapping.nonNull(p.quadCounts()).stream().map(q -> new QuadCount(q.quadClass(), (int) q.count())).toList(),
                p.baseline(), p.changePercent(), ChangeBand.valueOf(p.band()));
    }

    private static List<String> actorIds(CountGroupBy groupBy, String key) {
        return switch (groupBy) {
            case ACTOR -> List.of(key);
            case DYAD -> List.of(key.split(",", 2));
            default -> List.of();
        };
    }

    private static String restName(CountGroupBy groupBy) {
        return switch (groupBy) {
            case ROOT_CODE -> "root";
            case QUAD_CLASS -> "quad";
            default -> groupBy.name().toLowerCase(Locale.ROOT);
        };
    }

    private static Integer baselinePeriods(BaselineInput baseline) {
        Integer periods = baseline == null ? null : baseline.periods();
        if (periods != null && (periods < 1 || periods > MAX_BASELINE_PERIODS)) {
            throw GatewayError.badInput("baseline.periods must be between 1 and " + MAX_BASELINE_PERIODS);
        }
        return periods;
    }

    private static int limit(Integer first, String name) {
        int n = first == null ? 20 : first;
        if (n < 1 || n > MAX_GROUPS) {
            throw GatewayError.badInput(name + " must be between 1 and " + MAX_GROUPS);
        }
        return n;
    }

    private static ActivityThreshold threshold(ActivityThreshold t) {
        List<ChangeBand> bands = t == null || t.bands() == null ? DEFAULT_ALERT_BANDS : t.bands();
        if (bands.isEmpty() || bands.contains(null)) {
            throw GatewayError.badInput("threshold.bands must name at least one band");
        }
        if (bands.contains(ChangeBand.STABLE)) {
            throw GatewayError.badInput("threshold.bands cannot hold STABLE: an alert is about leaving it");
        }
        int minCount = t == null || t.minCount() == null ? 1 : t.minCount();
        if (minCount < 1) {
            throw GatewayError.badInput("threshold.minCount must be at least 1");
        }
        return new ActivityThreshold(bands, minCount);
    }

    /** {@code filter} with the given actors (already widened by their sectors, so includeSectors is off). */
    private static EventFilter withActors(EventFilter f, List<String> actorIds) {
        if (f == null) {
            return null;
        }
        return new EventFilter(actorIds, f.dyad(), f.codes(), f.rootCodes(), f.quadClasses(), f.statuses(), f.from(),
                f.to(), f.placeIds(), f.text(), false);
    }

    /** {@code filter} with its dates replaced: the running period is the one holding {@code from}..{@code to}. */
    private static EventFilter within(EventFilter f, LocalDate from, LocalDate to) {
        if (f == null) {
            return new EventFilter(null, null, null, null, null, null, from, to, null, null, null);
        }
        return new EventFilter(f.actorIds(), f.dyad(), f.codes(), f.rootCodes(), f.quadClasses(), f.statuses(), from, to,
                f.placeIds(), f.text(), f.includeSectors());
    }
}
