package org.parley.gateway.client;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Reads the records of the services' hot answers (a page of events with participants and sources, the actors of a
 * page, the events of many actors) token by token, instead of Jackson's bean deserializer for records, which buffers
 * each record's properties to call its constructor and looks up and dispatches every property through its creator
 * table: a third of the time the gateway spends decoding a page of events, the rest being the tokenizer itself
 * (~11 % of a page's CPU over fast backends, bench/results/2026-12-01-gateway-cpu-g.md).
 * <p>
 * What comes out is what Jackson builds ({@code BackendRecordsTest} decodes the same bodies both ways: the services'
 * own answers, and every field null, missing, of another JSON type, unknown fields of every shape): each value in
 * the form the services write it (a string, a number, null, an array of those, an object) is read here; any other
 * token for a field (a number for a string, a string for a number, an object where a list is due) is handed to
 * Jackson's own deserializer for that field's type, which coerces it or fails as before, and a record that is not
 * an object at all goes to Jackson's bean deserializer, which this one wraps. Unknown fields are skipped, as the
 * gateway's mapper skips them. Dates and instants go through {@link BackendJsonTimes}. A new field in a model
 * record needs its line here; the test's "every field" body fails until it has one.
 */
@Singleton
public class BackendRecords implements ObjectMapperCustomizer {

    @Override
    public int priority() {
        return QUARKUS_CUSTOMIZER_PRIORITY - 1;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("parley-backend-records").setDeserializerModifier(new Readers()));
    }

    /** Wraps Jackson's bean deserializer of each record read here; leaves every other type alone. */
    static final class Readers extends BeanDeserializerModifier {
        private static final Map<Class<?>, Supplier<? extends Fields<?>>> FIELDS = Map.of(
                EventsModel.Event.class, EventFields::new,
                EventsModel.Participant.class, ParticipantFields::new,
                EventsModel.Source.class, SourceFields::new,
                EventsModel.Related.class, RelatedFields::new,
                EventsModel.EventPage.class, EventPageFields::new,
                EventsModel.ParticipantEvents.class, ParticipantEventsFields::new,
                ActorsModel.Actor.class, ActorFields::new,
                ActorsModel.ActorPage.class, ActorPageFields::new);

        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                JsonDeserializer<?> jackson) {
            Supplier<? extends Fields<?>> fields = FIELDS.get(description.getBeanClass());
            return fields == null ? jackson : new Reader<>(jackson, description.getBeanClass(), fields);
        }
    }

    /** One record's fields as they are read (a new one per record), then the record. */
    interface Fields<T> {
        /** Reads the field's value (the parser on its first token; an unknown field skipped). */
        void read(String name, JsonParser p, DeserializationContext c) throws IOException;

        T build();
    }

    /** An object read field by field; any other token by Jackson's bean deserializer of the record. */
    static final class Reader<T> extends JsonDeserializer<T> implements ResolvableDeserializer, ContextualDeserializer {
        private final JsonDeserializer<?> jackson;
        private final Class<?> type;
        private final Supplier<? extends Fields<?>> fields;

        Reader(JsonDeserializer<?> jackson, Class<?> type, Supplier<? extends Fields<?>> fields) {
            this.jackson = jackson;
            this.type = type;
            this.fields = fields;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext c) throws IOException {
            JsonToken token = p.currentToken();
            if (token == JsonToken.START_OBJECT) {
                token = p.nextToken();
            }
            if (token == JsonToken.FIELD_NAME || token == JsonToken.END_OBJECT) {
                return (T) object(p, c, type, fields.get());
            }
            return (T) jackson.deserialize(p, c);
        }

        @Override
        public void resolve(DeserializationContext c) throws JsonMappingException {
            if (jackson instanceof ResolvableDeserializer resolvable) {
                resolvable.resolve(c);
            }
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext c, BeanProperty property)
                throws JsonMappingException {
            if (jackson instanceof ContextualDeserializer contextual) {
                JsonDeserializer<?> forProperty = contextual.createContextual(c, property);
                return forProperty == jackson ? this : new Reader<>(forProperty, type, fields);
            }
            return this;
        }

        @Override
        public Class<?> handledType() {
            return jackson.handledType();
        }
    }

    /**
     * The fields of an object, the parser on its first field name (or END_OBJECT); ends on END_OBJECT. A field's
     * failure is reported as Jackson's bean deserializer reports it: Jackson's own exceptions (and runtime ones) with
     * the field added to their path, any other I/O failure as it is.
     */
    private static <T> T object(JsonParser p, DeserializationContext c, Class<?> type, Fields<T> fields)
            throws IOException {
        for (String name = p.currentName(); p.currentToken() == JsonToken.FIELD_NAME; name = p.nextFieldName()) {
            p.nextToken();
            try {
                fields.read(name, p, c);
            } catch (IOException | RuntimeException e) {
                if (e instanceof IOException io && !(e instanceof JacksonException)) {
                    throw io;
                }
                throw JsonMappingException.wrapWithPath(e, type, name);
            }
        }
        return fields.build();
    }

    private static final class EventFields implements Fields<EventsModel.Event> {
        private String id, title, summary, code, rootCode, status;
        private String precision, locationId;
        private Double goldstein;
        private Integer quadClass;
        private LocalDate start, end;
        private List<String> subjectIds, externalIds;
        private List<EventsModel.Participant> participants;
        private List<EventsModel.Source> sources;
        private List<EventsModel.Related> related;
        private long version;
        private Instant createdAt, updatedAt;

        @Override
        public void read(String name, JsonParser p, DeserializationContext c) throws IOException {
            switch (name) {
                case "id" -> id = string(p, c);
                case "title" -> title = string(p, c);
                case "summary" -> summary = string(p, c);
                case "code" -> code = string(p, c);
                case "goldstein" -> goldstein = decimal(p, c);
                case "quadClass" -> quadClass = integer(p, c);
                case "rootCode" -> rootCode = string(p, c);
                case "status" -> status = string(p, c);
                case "start" -> start = date(p, c);
                case "end" -> end = date(p, c);
                case "precision" -> precision = string(p, c);
                case "locationId" -> locationId = string(p, c);
                case "subjectIds" -> subjectIds = strings(p, c);
                case "participants" ->
                    participants = list(p, c, EventsModel.Participant.class, ParticipantFields::new);
                case "sources" -> sources = list(p, c, EventsModel.Source.class, SourceFields::new);
                case "related" -> related = list(p, c, EventsModel.Related.class, RelatedFields::new);
                case "externalIds" -> externalIds = strings(p, c);
                case "version" -> version = primitiveLong(p, c);
                case "createdAt" -> createdAt = instant(p, c);
                case "updatedAt" -> updatedAt = instant(p, c);
                default -> p.skipChildren();
            }
        }

        @Override
        public EventsModel.Event build() {
            return new EventsModel.Event(id, title, summary, code, goldstein, quadClass, rootCode, status, start, end,
                    precision, locationId, subjectIds, participants, sources, related, externalIds, version, createdAt,
                    updatedAt);
        }
    }

    private static final class ParticipantFields implements Fields<EventsModel.Participant> {
        private String actorId, role;

        @Override
        public void read(String name, JsonParser p, DeserializationContext c) throws IOException {
            switch (name) {
                case "actorId" -> actorId = string(p, c);
                case "role" -> role = string(p, c);
                default -> p.skipChildren();
            }
        }

        @Override
        public EventsModel.Participant build() {
            return new EventsModel.Participant(actorId, role);
        }
    }

    private static final class SourceFields implements Fields<EventsModel.Source> {
        private String id, url, publisher, title, excerpt, speakerId;
        private Instant publishedAt;

        @Override
        public void read(String name, JsonParser p, DeserializationContext c) throws IOException {
            switch (name) {
                case "id" -> id = string(p, c);
                case "url" -> url = string(p, c);
                case "publisher" -> publisher = string(p, c);
                case "title" -> title = string(p, c);
                case "publishedAt" -> publishedAt = instant(p, c);
                case "excerpt" -> excerpt = string(p, c);
                case "speakerId" -> speakerId = string(p, c);
                default -> p.skipChildren();
            }
        }

        @Override
        public EventsModel.Source build() {
            return new EventsModel.Source(id, url, publisher, title, publishedAt, excerpt, speakerId);
        }
    }

    private static final class RelatedFields implements Fields<EventsModel.Related> {
        private String kind, eventId;

        @Override
        public void read(String name, JsonParser p, DeserializationContext c) throws IOException {
            switch (name) {
                case "kind" -> kind = string(p, c);
                case "eventId" -> eventId = string(p, c);
                default -> p.skipChildren();
            }
        }

        @Override
        public EventsModel.Related build() {
            return new EventsModel.Related(kind, eventId);
        }
    }

    private static final class EventPageFields implements Fields<EventsModel.EventPage> {
        private List<EventsModel.Event> items;
        private String nextCursor;
        private Long totalCount;
        private Boolean totalCountIsExact;

        @Override
        public void read(String name, JsonParser p, DeserializationContext c) throws IOException {
            switch (name) {
                case "items" -> items = list(p, c, EventsModel.Event.class, EventFields::new);
                case "nextCursor" -> nextCursor = string(p, c);
                case "totalCount" -> totalCount = boxedLong(p, c);
                case "totalCountIsExact" -> totalCountIsExact = bool(p, c);
                default -> p.skipChildren();
            }
        }

        @Override
        public EventsModel.EventPage build() {
            return new EventsModel.EventPage(items, nextCursor, totalCount, totalCountIsExact);
        }
    }

    private static final class ParticipantEventsFields implements Fields<EventsModel.ParticipantEvents> {
        private String actorId;
        private List<EventsModel.Event> items;
        private Long totalCount;
        private Boolean totalCountIsExact;

        @Override
        public void read(String name, JsonParser p, DeserializationContext c) throws IOException {
            switch (name) {
                case "actorId" -> actorId = string(p, c);
                case "items" -> items = list(p, c, EventsModel.Event.class, EventFields::new);
                case "totalCount" -> totalCount = boxedLong(p, c);
                case "totalCountIsExact" -> totalCountIsExact = bool(p, c);
                default -> p.skipChildren();
            }
        }

        @Override
        public EventsModel.ParticipantEvents build() {
            return new EventsModel.ParticipantEvents(actorId, items, totalCount, totalCountIsExact);
        }
    }

    private static final class ActorFields implements Fields<ActorsModel.Actor> {
        private String id, kind, name, country, cameoCode, wikidataId;
        private String description;
        private List<String> aliases;
        private long version;
        private Instant createdAt, updatedAt;

        @Override
        public void read(String field, JsonParser p, DeserializationContext c) throws IOException {
            switch (field) {
                case "id" -> id = string(p, c);
                case "kind" -> kind = string(p, c);
                case "name" -> name = string(p, c);
                case "aliases" -> aliases = strings(p, c);
                case "country" -> country = string(p, c);
                case "cameoCode" -> cameoCode = string(p, c);
                case "wikidataId" -> wikidataId = string(p, c);
                case "description" -> description = string(p, c);
                case "version" -> version = primitiveLong(p, c);
                case "createdAt" -> createdAt = instant(p, c);
                case "updatedAt" -> updatedAt = instant(p, c);
                default -> p.skipChildren();
            }
        }

        @Override
        public ActorsModel.Actor build() {
            return new ActorsModel.Actor(id, kind, name, aliases, country, cameoCode, wikidataId, description, version,
                    createdAt, updatedAt);
        }
    }

    private static final class ActorPageFields implements Fields<ActorsModel.ActorPage> {
        private List<ActorsModel.Actor> items;
        private String nextCursor;
        private long totalCount;

        @Override
        public void read(String name, JsonParser p, DeserializationContext c) throws IOException {
            switch (name) {
                case "items" -> items = list(p, c, ActorsModel.Actor.class, ActorFields::new);
                case "nextCursor" -> nextCursor = string(p, c);
                case "totalCount" -> totalCount = primitiveLong(p, c);
                default -> p.skipChildren();
            }
        }

        @Override
        public ActorsModel.ActorPage build() {
            return new ActorsModel.ActorPage(items, nextCursor, totalCount);
        }
    }

    // One value each, the parser on its first token. The forms the services write are read here; anything else is
    // Jackson's to coerce or refuse, with the deserializer it would have used for the field's type.

    private static String string(JsonParser p, DeserializationContext c) throws IOException {
        JsonToken t = p.currentToken();
        return t == JsonToken.VALUE_STRING ? p.getText()
                : t == JsonToken.VALUE_NULL ? null : c.readValue(p, String.class);
    }

    private static Double decimal(JsonParser p, DeserializationContext c) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
            return p.getDoubleValue();
        }
        return t == JsonToken.VALUE_NULL ? null : c.readValue(p, Double.class);
    }

    private static Integer integer(JsonParser p, DeserializationContext c) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
            return p.getIntValue();
        }
        return t == JsonToken.VALUE_NULL ? null : c.readValue(p, Integer.class);
    }

    private static Long boxedLong(JsonParser p, DeserializationContext c) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return p.getLongValue();
        }
        return t == JsonToken.VALUE_NULL ? null : c.readValue(p, Long.class);
    }

    private static long primitiveLong(JsonParser p, DeserializationContext c) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return p.getLongValue();
        }
        return c.readValue(p, Long.TYPE);
    }

    private static Boolean bool(JsonParser p, DeserializationContext c) throws IOException {
        JsonToken t = p.currentToken();
        return t == JsonToken.VALUE_TRUE ? Boolean.TRUE : t == JsonToken.VALUE_FALSE ? Boolean.FALSE
                : t == JsonToken.VALUE_NULL ? null : c.readValue(p, Boolean.class);
    }

    /** The mapper's own date deserializer, called directly (no lookup per value). */
    private static LocalDate date(JsonParser p, DeserializationContext c) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : BackendJsonTimes.DATES.deserialize(p, c);
    }

    private static Instant instant(JsonParser p, DeserializationContext c) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : BackendJsonTimes.INSTANTS.deserialize(p, c);
    }

    private static List<String> strings(JsonParser p, DeserializationContext c) throws IOException {
        return array(p, c, String.class, BackendRecords::string);
    }

    /** A list of records read here: each element an object read by {@code fields}, null, or Jackson's. */
    private static <T> List<T> list(JsonParser p, DeserializationContext c, Class<T> type,
            Supplier<Fields<T>> fields) throws IOException {
        return array(p, c, type, (q, d) -> {
            JsonToken t = q.currentToken();
            if (t == JsonToken.START_OBJECT) {
                q.nextToken();
                return object(q, d, type, fields.get());
            }
            return t == JsonToken.VALUE_NULL ? null : d.readValue(q, type);
        });
    }

    /** One value, the parser on its first token. */
    @FunctionalInterface
    private interface Value<T> {
        T read(JsonParser p, DeserializationContext c) throws IOException;
    }

    /**
     * A JSON array read element by element (null for null, Jackson's list deserializer for any other token), an
     * element's failure with its index in the path, as Jackson's collection deserializer reports it.
     */
    private static <T> List<T> array(JsonParser p, DeserializationContext c, Class<T> type, Value<T> element)
            throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            return p.currentToken() == JsonToken.VALUE_NULL ? null : c.readValue(p, listOf(c, type));
        }
        List<T> list = new ArrayList<>();
        try {
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                list.add(element.read(p, c));
            }
        } catch (IOException | RuntimeException e) {
            throw JsonMappingException.wrapWithPath(e, list, list.size());
        }
        return list;
    }

    private static JavaType listOf(DeserializationContext c, Class<?> element) {
        return c.getTypeFactory().constructCollectionType(List.class, element);
    }
}
