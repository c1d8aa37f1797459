package org.parley.gateway.graphql.model;

import org.eclipse.microprofile.graphql.Description;

public enum AlertCrossing {
    @Description("The group's running period entered the threshold's bands")
    ENTERED,
    @Description("The group's running period is back outside them")
    LEFT
}
