package org.parley.gateway.export;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.logging.Logger;
import org.parley.gateway.client.ActorsClient;
import org.parley.gateway.client.ActorsModel;
import org.parley.gateway.client.EventsClient;
import org.parley.gateway.client.EventsModel;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;

/**
 * One running export: pages through events-service with its cursor, resolves each page's participants (one
 * batched actors-service call) and places (one batched events-service call), and writes the page before asking
 * for the next. Only one page is ever held: when the client reads slower than the backends answer, the
 * response's write queue fills and the next page is asked for only once it has drained (Vert.x back-pressure),
 * so memory does not grow with the size of the export.
 * <p>
 * Failures: before the first byte, the whole export is refused as problem+json (the caller sees the status);
 * after it, the response cannot change its status any more, so the connection is <b>reset</b> — the chunked
 * body then has no terminating chunk (HTTP/2: RST_STREAM), and every HTTP client, browser download and
 * {@code curl} reports the transfer as failed instead of keeping a file that looks complete.
 */
final class EventExport {

    private static final Logger LOG = Logger.getLogger(EventExport.class);

    private final EventsClient events;
    private final ActorsClient actors;
    private final EventsModel.EventQuery query;
    private final ExportFormat format;
    private final int pageSize;
    private final HttpServerResponse response;
    /** The request's own (duplicated) Vert.x context: its request scope and caller carry each backend call. */
    private final Context context;
    private final Runnable done;
    private Map<String, String> typeNames = Map.of();
    private volatile boolean closed;
    private long rows;
    private int pages;

    EventExport(EventsClient events, ActorsClient actors, EventsModel.EventQuery query, ExportFormat format,
            int pageSize, HttpServerResponse response, Context context, Runnable done) {
        this.events = events;
        this.actors = actors;
        this.query = query;
        this.format = format;
        this.pageSize = pageSize;
        this.response = response;
        this.context = context;
        this.done = done;
    }

    /** Fetches the first page, then answers: the problem, or 200 and the stream. */
    void start(String filename) {
        response.closeHandler(ignored -> {
            closed = true;
            done.run();
        });
        events.eventTypes().invoke(types -> {
            Map<String, String> names = new java.util.HashMap<>();
            types.forEach(t -> names.put(t.code(), t.name()));
            typeNames = names;
        }).chain(ignored -> page(null)).subscribe().with(first -> {
            if (closed) {
                return;
            }
            response.setStatusCode(200).setChunked(true).putHeader("Content-Type", format.contentType())
                    .putHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                    .putHeader("Cache-Control", "no-store").putHeader("X-Content-Type-Options", "nosniff");
            // Quarkus marks every response "Content-Encoding: identity" unless its media type is one to compress.
            response.headers().remove("Content-Encoding");
            response.write(format.begin());
            write(first);
        }, failure -> {
            if (!closed) {
                ExportProblem problem = ExportProblem.of(failure);
                if (problem.status() >= 500) {
                    LOG.warnf("Export refused before its first byte: %s", problem.getMessage());
                }
                problem.send(response);
            }
            done.run();
        });
    }

    private void write(Page page) {
        response.write(format.rows(page.rows(), pages == 0));
        rows += page.rows().size();
        pages++;
        if (page.next() == null) {
            response.end(format.end());
            LOG.debugf("Export of %d events in %d pages done", rows, pages);
            done.run();
        } else if (response.writeQueueFull()) {
            response.drainHandler(ignored -> {
                response.drainHandler(null);
                next(page.next());
            });
        } else {
            next(page.next());
        }
    }

    private void next(String cursor) {
        // On the request's context, whichever thread drained the queue or answered the last call.
        context.runOnContext(ignored -> {
            if (closed) {
                return;
            }
            page(cursor).subscribe().with(page -> {
                if (!closed) {
                    write(page);
                }
            }, this::abort);
        });
    }

    private void abort(Throwable failure) {
        if (closed) {
            return;
        }
        LOG.warnf("Export aborted after %d events (%d pages): %s", rows, pages, ExportProblem.of(failure).getMessage());
        closed = true;
        response.reset();
        done.run();
    }

    private Uni<Page> page(String after) {
        return events.listEvents(query, pageSize, after, false).chain(page -> resolve(page.items())
                .map(resolved -> new Page(resolved, blankToNull(page.nextCursor()))));
    }

    /** The page's actors in one actors-service call and its places in one events-service call, side by side. */
    private Uni<List<ExportRow>> resolve(List<EventsModel.Event> items) {
        Set<String> actorIds = new LinkedHashSet<>();
        Set<String> placeIds = new LinkedHashSet<>();
        for (EventsModel.Event e : items) {
            if (e.participants() != null) {
                e.participants().forEach(p -> actorIds.add(p.actorId()));
            }
            if (e.locationId() != null) {
                placeIds.add(e.locationId());
            }
            if (e.subjectIds() != null) {
                placeIds.addAll(e.subjectIds());
            }
        }
        Uni<Map<String, ActorsModel.Actor>> actorsById = actorIds.isEmpty() ? Uni.createFrom().item(Map.of())
                : actors.findActorsByIds(actorIds);
        Uni<Map<String, EventsModel.Place>> placesById = placeIds.isEmpty() ? Uni.createFrom().item(Map.of())
                : events.findPlacesByIds(placeIds);
        return Uni.combine().all().unis(actorsById, placesById).asTuple().map(found -> {
            List<ExportRow> out = new ArrayList<>(items.size());
            for (EventsModel.Event e : items) {
                List<ExportRow.NamedParticipant> participants = e.participants() == null ? List.of()
                        : e.participants().stream().map(p -> {
                            ActorsModel.Actor actor = found.getItem1().get(p.actorId());
                            return new ExportRow.NamedParticipant(p.role(), p.actorId(), actor == null ? null : actor.name());
                        }).toList();
                List<EventsModel.Place> subjects = e.subjectIds() == null ? List.of()
                        : e.subjectIds().stream().map(found.getItem2()::get).filter(java.util.Objects::nonNull).toList();
                out.add(new ExportRow(e, typeNames.get(e.code()), participants,
                        e.locationId() == null ? null : found.getItem2().get(e.locationId()), subjects));
            }
            return out;
        });
    }

    private static String blankToNull(String cursor) {
        return cursor == null || cursor.isBlank() ? null : cursor;
    }

    private record Page(List<ExportRow> rows, String next) {
    }
}
