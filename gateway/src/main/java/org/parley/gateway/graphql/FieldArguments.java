package org.parley.gateway.graphql;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.parley.gateway.graphql.model.ActorFilter;
import org.parley.gateway.graphql.model.ActorKind;
import org.parley.gateway.graphql.model.DyadFilter;
import org.parley.gateway.graphql.model.EventFilter;
import org.parley.gateway.graphql.model.EventOrder;
import org.parley.gateway.graphql.model.EventStatus;
import org.parley.gateway.graphql.model.Interval;

import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.execution.datafetcher.helper.ArgumentHelper;
import io.smallrye.graphql.schema.model.Argument;
import io.smallrye.graphql.transformation.AbstractDataFetcherException;

/**
 * The arguments of a field served by {@link LoaderFetchers}, as its resolver method's parameters (the source first,
 * then in order), converted here for the types these fields take, and by SmallRye's own {@link ArgumentHelper} for
 * anything else.
 * <p>
 * Why not always SmallRye's: it turns an input object (the {@code EventFilter} of every page) into its record by
 * writing graphql-java's map as JSON and binding it back with JSON-B, 1.5–2 % of a page's CPU in the gateway
 * (bench/results/2026-11-30-gateway-cpu-f.md); here it is a few field reads. The same values come out:
 * {@code FieldArgumentsTest} runs both on the same arguments, for every served field and many inputs (nulls, empty
 * and null-holding lists, every enum, literals and variables). Anything not read here (a value of another shape, a
 * date that does not parse, a parameter type or SmallRye mapping this class does not know) goes to SmallRye's helper
 * for the whole field, so its conversions and its errors (a bad date's message and path) stay exactly SmallRye's.
 */
final class FieldArguments {

    /** One parameter's value from the field's environment; throws for anything it does not read. */
    @FunctionalInterface
    private interface Conversion {
        Object of(DataFetchingEnvironment field);
    }

    /** Parameter types read here, by SmallRye's class name for them → the conversion of a graphql-java value. */
    private static final Map<String, Function<Object, Object>> VALUES = Map.of(
            String.class.getName(), value -> (String) value,
            Integer.class.getName(), FieldArguments::integer,
            Boolean.class.getName(), value -> (Boolean) value,
            LocalDate.class.getName(), FieldArguments::date,
            EventOrder.class.getName(), value -> enumValue(value, EventOrder.class, EventOrder::valueOf),
            Interval.class.getName(), value -> enumValue(value, Interval.class, Interval::valueOf),
            EventFilter.class.getName(), value -> eventFilter(asMap(value)),
            ActorFilter.class.getName(), value -> actorFilter(asMap(value)));

    private final ArgumentHelper smallrye;
    /** One per parameter, or null when a parameter is of a kind not read here (then always SmallRye's). */
    private final Conversion[] conversions;

    FieldArguments(List<Argument> arguments) {
        this.smallrye = new ArgumentHelper(arguments);
        this.conversions = conversions(arguments);
    }

    /** The parameters' values: read here where possible, else as SmallRye converts them (and fails). */
    List<Object> of(DataFetchingEnvironment field) throws AbstractDataFetcherException {
        if (conversions != null) {
            try {
                return readHere(field);
            } catch (RuntimeException notReadHere) {
                // a value of a shape this class does not read (or a bad date): SmallRye's helper decides
            }
        }
        return smallrye.getArguments(field);
    }

    /** The values as read here alone; throws for a value not read here (FieldArgumentsTest compares it). */
    List<Object> readHere(DataFetchingEnvironment field) {
        Object[] values = new Object[conversions.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = conversions[i].of(field);
        }
        return Arrays.asList(values);
    }

    /** SmallRye's conversion alone (the oracle of FieldArgumentsTest). */
    List<Object> bySmallRye(DataFetchingEnvironment field) throws AbstractDataFetcherException {
        return smallrye.getArguments(field);
    }

    /** Whether every parameter is read here (FieldArgumentsTest: each served field's are). */
    boolean readsAllHere() {
        return conversions != null;
    }

    private static Conversion[] conversions(List<Argument> arguments) {
        Conversion[] conversions = new Conversion[arguments.size()];
        for (int i = 0; i < conversions.length; i++) {
            Argument argument = arguments.get(i);
            if (argument.isSourceArgument()) {
                conversions[i] = DataFetchingEnvironment::getSource;
                continue;
            }
            Function<Object, Object> value = VALUES.get(argument.getReference().getClassName());
            // wrappers (lists, Optional) and adapters are SmallRye's; a date's transformation is the ISO one unless it
            // names a format
            boolean plain = !argument.hasWrapper() && !argument.isAdaptingTo() && !argument.isAdaptingWith()
                    && !argument.getReference().isAdaptingTo() && !argument.getReference().isAdaptingWith()
                    && (!argument.hasTransformation() || argument.getTransformation().getFormat() == null);
            if (value == null || !plain) {
                return null;
            }
            String name = argument.getName();
            conversions[i] = field -> {
                Object raw = field.getArgument(name);
                return raw == null ? null : value.apply(raw);
            };
        }
        return conversions;
    }

    private static EventFilter eventFilter(Map<?, ?> m) {
        return new EventFilter(strings(m.get("actorIds")), dyadFilter(m.get("dyad")), strings(m.get("codes")),
                strings(m.get("rootCodes")), integers(m.get("quadClasses")),
                list(m.get("statuses"), v -> enumValue(v, EventStatus.class, EventStatus::valueOf)),
                date(m.get("from")), date(m.get("to")), strings(m.get("placeIds")), (String) m.get("text"),
                (Boolean) m.get("includeSectors"));
    }

    private static DyadFilter dyadFilter(Object value) {
        if (value == null) {
            return null;
        }
        Map<?, ?> m = asMap(value);
        return new DyadFilter((String) m.get("a"), (String) m.get("b"));
    }

    private static ActorFilter actorFilter(Map<?, ?> m) {
        return new ActorFilter((String) m.get("text"),
                list(m.get("kinds"), v -> enumValue(v, ActorKind.class, ActorKind::valueOf)),
                (String) m.get("country"));
    }

    private static Map<?, ?> asMap(Object value) {
        return (Map<?, ?>) value;
    }

    private static List<String> strings(Object value) {
        return list(value, v -> (String) v);
    }

    private static List<Integer> integers(Object value) {
        return list(value, v -> (Integer) v);
    }

    /** A list as JSON-B binds one: a mutable list, null elements kept. */
    private static <T> List<T> list(Object value, Function<Object, T> element) {
        if (value == null) {
            return null;
        }
        List<?> values = (List<?>) value;
        List<T> list = new ArrayList<>(values.size());
        for (Object v : values) {
            list.add(v == null ? null : element.apply(v));
        }
        return list;
    }

    /** graphql-java hands an Int over as an Integer, a {@code @DefaultValue} as SmallRye parsed it: a BigDecimal. */
    private static Integer integer(Object value) {
        return value instanceof Integer i ? i : Integer.valueOf(((java.math.BigDecimal) value).intValueExact());
    }

    /** SmallRye's Date scalar hands a date over as its text; ISO-8601 is what it parses without a format. */
    private static LocalDate date(Object value) {
        return value == null ? null : value instanceof LocalDate d ? d : LocalDate.parse((String) value);
    }

    private static <E extends Enum<E>> E enumValue(Object value, Class<E> type, Function<String, E> valueOf) {
        return type.isInstance(value) ? type.cast(value) : valueOf.apply(value.toString());
    }
}
