package org.parley.gateway.graphql.model;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("ActivityThreshold")
public record ActivityThreshold(
        @Description("The bands that raise an alert (default MUCH_HIGHER and NEW)") List<ChangeBand> bands,
        @Description("Fewer events than this in the running period never alert (default 1)") Integer minCount) {
}
