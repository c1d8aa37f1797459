package org.parley.gateway.graphql;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.function.Supplier;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;
import io.smallrye.graphql.SmallRyeGraphQLServerLogging;
import io.smallrye.graphql.execution.datafetcher.PlugableDataFetcher;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.ReferenceType;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.schema.model.Wrapper;
import io.smallrye.graphql.spi.ClassloadingService;
import io.smallrye.graphql.spi.DataFetcherService;
import io.smallrye.graphql.transformation.Transformer;

/**
 * The data fetcher of every plain property of the model records (Event.title, Actor.name, Participant.role,
 * Event.start …): it reads the record's accessor and, for the scalars SmallRye transforms (dates formatted as
 * text), applies the very Transformer SmallRye would.
 * <p>
 * SmallRye serves such fields with its FieldDataFetcher, which per field and per object clones the request's
 * SmallRye context and builds JSON arrays of the selected fields twice (SmallRyeContextManager
 * .populateFromDataFetchingEnvironment, for a context no plain property reads), then runs its transform-or-adapt
 * step. On a page of 20 events that is ~250 fields per request, most of the gateway's CPU over fast backends
 * (benchmark 6). This fetcher gives the same value (the step's result for these fields is the accessor's value,
 * or its Transformer's output; lists are the same items in the same order), so answers serialize byte for byte the
 * same. Adapters, maps, sets, arrays, optionals, lists of lists and lists of transformed scalars stay with
 * FieldDataFetcher.
 * <p>
 * Plugged in through SmallRye's DataFetcherService SPI (META-INF/services; SmallRye asks every service for a field
 * fetcher and falls back to FieldDataFetcher on null). The schema is built at static init, so in a native image
 * this runs at build time like Quarkus's own service; the accessor is looked up lazily and reflectively exactly as
 * FieldDataFetcher does (Class.getMethod on the method SmallRye's model names), so it needs no reflection beyond
 * what Quarkus already registers for the GraphQL model types.
 */
public class PropertyFetchers implements DataFetcherService {

    @Override
    public Integer getPriority() {
        // Any order works (Quarkus's own service gives no field fetchers); ask this one first.
        return 0;
    }

    @Override
    public PlugableDataFetcher<?> getFieldDataFetcher(Field field, Type type, Reference owner) {
        if (field.getMethodName() == null || adapted(field)) {
            return null;
        }
        boolean transformed = transformed(field);
        // A List is copied into a new ArrayList (CollectionCreator) and each item passed through the same step:
        // the same items in the same order when items pass as they are. Sets (copied into a HashSet: another
        // order), arrays, maps, optionals, lists of lists and lists of transformed items stay with SmallRye.
        Wrapper wrapper = field.getWrapper();
        if (wrapper != null && (transformed || !List.class.getName().equals(wrapper.getWrapperClassName())
                || wrapper.getWrapper() != null)) {
            return null;
        }
        if (field.getReference().getClassName().startsWith("java.util.Optional")) {
            return null;
        }
        return new PropertyFetcher(owner.getClassName(), field, transformed);
    }

    /** AbstractHelper.shouldAdapt and the adapters FieldHelper.singleAdapting applies. */
    private static boolean adapted(Field field) {
        Reference reference = field.getReference();
        return field.isAdaptingWith() || field.isAdaptingTo() || reference.isAdaptingWith() || reference.isAdaptingTo()
                || (field.hasWrapper() && field.getWrapper().isMap());
    }

    /**
     * AbstractHelper.shouldTransform: a scalar whose Java class is not the one its GraphQL scalar serializes goes
     * through SmallRye's Transformer (dates formatted, numbers as they are, UUID/URL/URI … as text).
     */
    static boolean transformed(Field field) {
        Reference reference = field.getReference();
        return reference.getType() == ReferenceType.SCALAR
                && !reference.getClassName().equals(reference.getGraphQLClassName());
    }

    /**
     * Reads one accessor of the source object and, where SmallRye would, passes the value through the same
     * Transformer SmallRye's FieldHelper uses (Transformer.transformer(field), created on first use as
     * AbstractHelper does). A TrivialDataFetcher like the FieldDataFetcher it replaces, and a LightDataFetcher:
     * graphql-java then hands it the source object and never builds the field's DataFetchingEnvironment (its
     * arguments, directives and step info, which a property never reads; ~3 % of a page's CPU in benchmark 6).
     */
    static final class PropertyFetcher implements PlugableDataFetcher<Object>, LightDataFetcher<Object> {
        private final String ownerClass;
        private final Field field;
        private final boolean transformed;
        private volatile Method method;
        private volatile Transformer<Object, Object> transformer;

        PropertyFetcher(String ownerClass, Field field, boolean transformed) {
            this.ownerClass = ownerClass;
            this.field = field;
            this.transformed = transformed;
        }

        @Override
        public Object get(GraphQLFieldDefinition definition, Object source,
                Supplier<DataFetchingEnvironment> environment) throws Exception {
            return read(source);
        }

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            return read(environment.getSource());
        }

        private Object read(Object source) throws Exception {
            Method accessor = method;
            if (accessor == null) {
                accessor = ClassloadingService.get().loadClass(ownerClass).getMethod(field.getMethodName());
                method = accessor;
            }
            Object value;
            try {
                value = accessor.invoke(source);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
            return transformed && value != null ? transform(value) : value;
        }

        @SuppressWarnings("unchecked")
        private Object transform(Object value) {
            Transformer<Object, Object> out = transformer;
            if (out == null) {
                out = Transformer.transformer(field);
                transformer = out;
            }
            try {
                return out == null ? value : out.out(value);
            } catch (RuntimeException e) {
                // As FieldDataFetcher: a value its transformer cannot take is logged and answered untransformed.
                SmallRyeGraphQLServerLogging.log.transformError(e);
                return value;
            }
        }
    }
}
