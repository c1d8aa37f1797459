package org.parley.common.validation;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;
import jakarta.inject.Singleton;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import java.lang.annotation.ElementType;
import org.hibernate.validator.BaseHibernateValidatorConfiguration;

/**
 * Makes Bean Validation treat every property as reachable and cascadable, and keeps no per-validation
 * cache of that answer. With Hibernate ORM on the classpath Quarkus installs a resolver that asks ORM
 * whether each property is loaded, and Hibernate Validator wraps it in a cache holding an entry per
 * property of every validated object: for a 1,000-item {@code POST /events/batch} body that map grew
 * and rehashed for every request (~20 % of events-service's CPU during the GDELT import). We only ever
 * validate request records built by Jackson, never lazily loaded entities, so "is it loaded?" is always
 * yes and both the question and its cache are pure cost; the violations found are the same.
 */
@Singleton
public class TraverseAllCustomizer implements ValidatorFactoryCustomizer {

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        configuration.traversableResolver(new TraverseAll()).enableTraversableResolverResultCache(false);
    }

    /** Every property reachable and cascadable: what Hibernate Validator does without JPA on the classpath. */
    public static final class TraverseAll implements TraversableResolver {

        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty,
                ElementType elementType) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty,
                ElementType elementType) {
            return true;
        }
    }
}
