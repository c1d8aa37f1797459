package org.parley.gateway.graphql.model;

import org.eclipse.microprofile.graphql.Description;

@Description("What eventCounts and activityAlerts group events by")
public enum CountGroupBy {
    @Description("The country (ISO alpha-3) of the event's location")
    COUNTRY,
    @Description("Each participating actor")
    ACTOR,
    @Description("Each pair of participating actors")
    DYAD,
    @Description("The CAMEO root code (01-20)")
    ROOT_CODE,
    @Description("The QuadClass (1 verbal cooperation … 4 material conflict)")
    QUAD_CLASS,
    @Description("The event's location")
    PLACE
}
