package org.parley.gateway.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.parley.gateway.client.EventsModel;
import org.parley.gateway.graphql.ArgumentRules;
import org.parley.gateway.graphql.EventQueries;
import org.parley.gateway.graphql.GatewayError;
import org.parley.gateway.graphql.model.DyadFilter;
import org.parley.gateway.graphql.model.EventFilter;
import org.parley.gateway.graphql.model.EventOrder;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The query string of an export: {@code filter}, the GraphQL {@code EventFilter} as JSON (the same field names
 * and values as the {@code events(filter:)} variable), and {@code orderBy} ({@code START_DESC} by default).
 * The filter is read into the GraphQL input record itself, so a field added to EventFilter is understood here
 * without a second list of fields, and the same {@link EventQueries} mapping refuses the same input. Every
 * mistake is a {@link ExportProblem} 400 naming the field ({@code filter.quadClasses[0]}), as GraphQL's
 * BAD_USER_INPUT would.
 */
@RegisterForReflection(targets = { EventFilter.class, DyadFilter.class })
record ExportRequest(EventsModel.EventQuery query, EventFilter filter) {

    /** The application's mapper (its date handling), refusing what GraphQL's coercion would refuse. */
    static ObjectMapper strictMapper(ObjectMapper json) {
        return json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    /** The query parameters an export reads; any other is a mistake (say {@code actorIds=…} instead of a filter). */
    static final List<String> PARAMETERS = List.of("filter", "orderBy");

    /**
     * Refuses a query parameter the export does not read: ignored, a misspelt or guessed filter would export every
     * event as if nothing had been asked.
     */
    static void refuseUnknown(Iterable<String> parameterNames) {
        List<ExportProblem.Violation> unknown = new ArrayList<>();
        for (String name : parameterNames) {
            if (!PARAMETERS.contains(name)) {
                unknown.add(new ExportProblem.Violation(name, "is not a parameter of the export: it reads " + PARAMETERS
                        + ", the filter as one JSON EventFilter (filter={\"actorIds\":[…]})"));
            }
        }
        if (!unknown.isEmpty()) {
            throw ExportProblem.badInput("unknown query parameter " + unknown.get(0).field() + ": the export reads "
                    + PARAMETERS, unknown);
        }
    }

    /** {@code json}: a {@link #strictMapper}. */
    static ExportRequest parse(ObjectMapper json, String filterText, String orderByText) {
        EventOrder order = order(orderByText);
        EventFilter filter = filter(json, filterText);
        try {
            return new ExportRequest(EventQueries.of(filter, order), filter);
        } catch (GatewayError e) {
            // EventQueries' messages start with the field they are about ("filter.dyad.a must be a UUID").
            String message = e.getMessage();
            int space = message.indexOf(' ');
            String field = space > 0 && message.startsWith("filter.") ? message.substring(0, space) : "filter";
            throw ExportProblem.badInput(message, List.of(new ExportProblem.Violation(field,
                    space > 0 ? message.substring(space + 1) : message)));
        }
    }

    private static EventOrder order(String text) {
        if (text == null || text.isBlank()) {
            return EventOrder.START_DESC;
        }
        try {
            return EventOrder.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String message = "must be one of " + List.of(EventOrder.values());
            throw ExportProblem.badInput("orderBy " + message, List.of(new ExportProblem.Violation("orderBy", message)));
        }
    }

    private static EventFilter filter(ObjectMapper json, String text) {
        if (text == null || text.isBlank()) {
            return null; // every event, as events(filter: null)
        }
        JsonNode tree;
        try {
            tree = json.readTree(text);
        } catch (JacksonException e) {
            throw ExportProblem.badInput("filter is not JSON",
                    List.of(new ExportProblem.Violation("filter", "must be a JSON object (an EventFilter)")));
        }
        if (tree == null || !tree.isObject()) {
            throw ExportProblem.badInput("filter must be a JSON object",
                    List.of(new ExportProblem.Violation("filter", "must be a JSON object (an EventFilter)")));
        }
        List<ExportProblem.Violation> violations = new ArrayList<>();
        checkValues(tree, "filter", violations);
        if (!violations.isEmpty()) {
            throw ExportProblem.badInput(violations.get(0).field() + " " + violations.get(0).message(), violations);
        }
        EventFilter filter;
        try {
            filter = json.treeToValue(tree, EventFilter.class);
        } catch (JsonMappingException e) {
            String field = path(e);
            String message = e instanceof UnrecognizedPropertyException ? "is not a field of EventFilter"
                    : "has the wrong type or value";
            throw ExportProblem.badInput(field + " " + message, List.of(new ExportProblem.Violation(field, message)));
        } catch (JacksonException e) {
            throw ExportProblem.badInput("filter is not an EventFilter",
                    List.of(new ExportProblem.Violation("filter", "must be an EventFilter")));
        }
        checkDate("filter.from", filter.from() == null ? null : filter.from().getYear(), violations);
        checkDate("filter.to", filter.to() == null ? null : filter.to().getYear(), violations);
        if (!violations.isEmpty()) {
            throw ExportProblem.badInput(violations.get(0).field() + " " + violations.get(0).message(), violations);
        }
        return filter;
    }

    /** GraphQL's argument rules (ArgumentRules) for the values a JSON filter can carry: text, list items. */
    private static void checkValues(JsonNode node, String path, List<ExportProblem.Violation> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                checkValues(field.getValue(), path + "." + field.getKey(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isNull()) {
                    out.add(new ExportProblem.Violation(path + "[" + i + "]", "must not be null"));
                } else {
                    checkValues(node.get(i), path + "[" + i + "]", out);
                }
            }
        } else if (node.isTextual()) {
            String text = node.textValue();
            if (text.length() > ArgumentRules.MAX_TEXT_LENGTH) {
                out.add(new ExportProblem.Violation(path, "must be at most " + ArgumentRules.MAX_TEXT_LENGTH + " characters"));
            } else if (text.indexOf('\0') >= 0) {
                out.add(new ExportProblem.Violation(path, "must not contain the NUL character (U+0000)"));
            }
        } else if (node.isNumber() && !node.canConvertToInt()) {
            out.add(new ExportProblem.Violation(path, "must be an integer between " + Integer.MIN_VALUE + " and "
                    + Integer.MAX_VALUE));
        }
    }

    private static void checkDate(String field, Integer year, List<ExportProblem.Violation> out) {
        if (year != null && (year < ArgumentRules.MIN_DATE.getYear() || year > ArgumentRules.MAX_DATE.getYear())) {
            out.add(new ExportProblem.Violation(field, "must be between " + ArgumentRules.MIN_DATE + " and "
                    + ArgumentRules.MAX_DATE));
        }
    }

    /** Jackson's path as the GraphQL argument path: filter.dyad.a, filter.quadClasses[0]. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder("filter");
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
