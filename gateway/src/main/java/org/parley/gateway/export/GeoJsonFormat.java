package org.parley.gateway.export;

import java.util.List;

import org.parley.gateway.client.EventsModel;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * RFC 7946 GeoJSON: one FeatureCollection, one Feature per event, its id the event's id, its geometry the
 * location's Point {@code [longitude, latitude]} (WGS 84, the order RFC 7946 prescribes) or {@code null} for an
 * event without a located place (RFC 7946 §3.2: an unlocated Feature), so the collection holds every event of
 * the filter, as the CSV does. Written feature by feature; the collection is closed only after the last page.
 */
final class GeoJsonFormat implements ExportFormat {

    @Override
    public String contentType() {
        return "application/geo+json";
    }

    @Override
    public String extension() {
        return "geojson";
    }

    @Override
    public Buffer begin() {
        return Buffer.buffer("{\"type\":\"FeatureCollection\",\"features\":[\n");
    }

    @Override
    public Buffer rows(List<ExportRow> rows, boolean first) {
        Buffer out = Buffer.buffer(rows.size() * 512);
        boolean separate = !first;
        for (ExportRow row : rows) {
            if (separate) {
                out.appendString(",\n");
            }
            separate = true;
            out.appendString(feature(row).encode());
        }
        return out;
    }

    @Override
    public Buffer end() {
        return Buffer.buffer("\n]}\n");
    }

    static JsonObject feature(ExportRow row) {
        EventsModel.Event e = row.event();
        EventsModel.Place place = row.location();
        JsonObject geometry = place == null || place.latitude() == null || place.longitude() == null ? null
                : new JsonObject().put("type", "Point")
                        .put("coordinates", new JsonArray().add(place.longitude()).add(place.latitude()));
        JsonArray participants = new JsonArray();
        row.participants().forEach(p -> participants.add(new JsonObject().put("role", p.role())
                .put("actorId", p.actorId()).put("name", p.name())));
        JsonArray subjects = new JsonArray();
        row.subjects().forEach(s -> subjects.add(new JsonObject().put("id", s.id()).put("name", s.name())));
        JsonArray sources = new JsonArray();
        if (e.sources() != null) {
            e.sources().forEach(s -> sources.add(new JsonObject().put("url", s.url()).put("publisher", s.publisher())
                    .put("title", s.title()).put("publishedAt", s.publishedAt() == null ? null : s.publishedAt().toString())));
        }
        JsonObject properties = new JsonObject().put("title", e.title()).put("summary", e.summary())
                .put("start", string(e.start())).put("end", string(e.end())).put("precision", e.precision())
                .put("status", e.status()).put("code", e.code()).put("type", row.typeName())
                .put("rootCode", e.rootCode()).put("quadClass", e.quadClass()).put("goldstein", e.goldstein())
                .put("participants", participants)
                .put("place", place == null ? null : new JsonObject().put("id", place.id()).put("name", place.name())
                        .put("kind", place.kind()).put("countryCode", place.countryCode()))
                .put("territoriesAtStake", subjects).put("sources", sources)
                .put("externalIds", new JsonArray(e.externalIds() == null ? List.of() : List.copyOf(e.externalIds())));
        return new JsonObject().put("type", "Feature").put("id", e.id()).put("geometry", geometry)
                .put("properties", properties);
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
