package org.parley.gateway.graphql;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.execution.Classes;
import io.smallrye.graphql.execution.datafetcher.PlugableDataFetcher;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.ReferenceType;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.schema.model.Wrapper;
import io.smallrye.graphql.spi.ClassloadingService;
import io.smallrye.graphql.spi.DataFetcherService;

/**
 * The data fetcher of every plain property of the model records (Event.title, Actor.name, Participant.role …):
 * it reads the record's accessor and nothing else.
 * <p>
 * SmallRye serves such fields with its FieldDataFetcher, which per field and per object clones the request's
 * SmallRye context and builds JSON arrays of the selected fields twice (SmallRyeContextManager
 * .populateFromDataFetchingEnvironment), then runs its transform-or-adapt step, which for these fields returns the
 * value unchanged (a list copied into a new list, a number through NumberTransformer.out, which returns it). On a page of 20 events that is ~300 fields per request, most of
 * the gateway's CPU over fast backends (benchmark 6). The answer is the same object either way, so it serializes
 * byte for byte the same; {@link #servesAsIs} admits only fields for which SmallRye's step is the identity, and
 * leaves the rest (dates: SmallRye formats them with a transformer; formatted numbers;
 * adapters, maps, arrays, optionals, nested lists) to FieldDataFetcher.
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
        return servesAsIs(field) ? new PropertyFetcher(owner.getClassName(), field.getMethodName()) : null;
    }

    /**
     * True when SmallRye's FieldDataFetcher would return the accessor's value as it is (AbstractHelper
     * .transformOrAdapt: no transformation, no adapter, no map/array/optional wrapper, and a scalar whose Java
     * class is the one its GraphQL scalar serializes or an unformatted number) and reads it through a method
     * (records always do).
     */
    static boolean servesAsIs(Field field) {
        Reference reference = field.getReference();
        if (field.getMethodName() == null || field.hasTransformation() || field.isAdaptingWith()
                || field.isAdaptingTo() || reference.isAdaptingWith() || reference.isAdaptingTo()) {
            return false;
        }
        if (field.hasWrapper()) {
            Wrapper wrapper = field.getWrapper();
            // A collection is copied into a new one of the same kind and its items passed through the same step:
            // an identity for items that pass themselves. Arrays, maps, optionals and lists of lists are not.
            if (!wrapper.isCollection() || wrapper.getWrapper() != null) {
                return false;
            }
        }
        String javaClass = reference.getClassName();
        if (javaClass.startsWith("java.util.Optional")) {
            return false;
        }
        if (reference.getType() != ReferenceType.SCALAR || javaClass.equals(reference.getGraphQLClassName())) {
            return true;
        }
        // A scalar of another Java class goes through Transformer.transformer(field): dates get a formatter (kept
        // on SmallRye), numbers without a format its NumberTransformer, whose out() returns its argument.
        return Classes.isNumberLikeType(javaClass) && !Classes.isDateLikeType(javaClass);
    }

    /** Reads one accessor of the source object; a TrivialDataFetcher like the FieldDataFetcher it replaces. */
    static final class PropertyFetcher implements PlugableDataFetcher<Object>, TrivialDataFetcher<Object> {
        private final String ownerClass;
        private final String methodName;
        private volatile Method method;

        PropertyFetcher(String ownerClass, String methodName) {
            this.ownerClass = ownerClass;
            this.methodName = methodName;
        }

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            Method accessor = method;
            if (accessor == null) {
                accessor = ClassloadingService.get().loadClass(ownerClass).getMethod(methodName);
                method = accessor;
            }
            try {
                return accessor.invoke(environment.getSource());
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }

        String property() {
            return ownerClass + "." + methodName;
        }
    }
}
