package org.parley.gateway.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BoundedLabelsTest {

    @Test
    void keepsTheFirstDistinctValuesAndCountsTheRestAsOther() {
        BoundedLabels labels = new BoundedLabels(2);
        assertEquals("First", labels.label("First", "anonymous"));
        assertEquals("Second", labels.label("Second", "anonymous"));
        assertEquals(BoundedLabels.OTHER, labels.label("Third", "anonymous"));
        assertEquals("First", labels.label("First", "anonymous"), "an admitted value keeps its label");
    }

    @Test
    void sanitizesAndShortensWhatAClientSent() {
        BoundedLabels labels = new BoundedLabels(10);
        assertEquals("a_b__c_", labels.label("a b\"{c}", "anonymous"));
        assertEquals(64, labels.label("x".repeat(500), "anonymous").length());
        assertEquals("anonymous", labels.label(null, "anonymous"));
        assertEquals("anonymous", labels.label("  ", "anonymous"));
    }
}
