package org.parley.events.input;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import jakarta.inject.Inject;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.Test;
import org.parley.common.validation.TraverseAllCustomizer;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The service's validator asks no persistence layer whether a property is loaded (request bodies are
 * records, never lazy entities), so a 1,000-item batch is validated without a per-property cache.
 * That every item is still validated is specified by EventBatchTest and BadInputTest.
 */
@QuarkusTest
class ValidationTraversalTest {

    @Inject
    ValidatorFactory validatorFactory;

    @Test
    void validatorTraversesEveryPropertyWithoutAskingHibernate() {
        assertInstanceOf(TraverseAllCustomizer.TraverseAll.class, validatorFactory.getTraversableResolver());
    }
}
