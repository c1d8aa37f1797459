package org.parley.gateway.graphql.model;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("DyadFilter")
public record DyadFilter(@Id @NonNull String a, @Id @NonNull String b) {
}
