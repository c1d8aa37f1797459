package org.parley.gateway.graphql.model;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("ActorFilter")
public record ActorFilter(
        @Description("Matches name or alias, case- and accent-insensitive") String text,
        List<ActorKind> kinds,
        @Description("ISO 3166-1 alpha-3") String country) {
}
