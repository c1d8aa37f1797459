package org.parley.gateway.graphql.model;

import org.eclipse.microprofile.graphql.Description;

@Description("A period's count against its group's baseline (the mean count of the periods before it)")
public enum ChangeBand {
    @Description("more than +25 %")
    MUCH_HIGHER,
    @Description("+10 % to +25 %")
    HIGHER,
    @Description("between -10 % and +10 %, or no events now and none before")
    STABLE,
    @Description("-25 % to -10 %")
    LOWER,
    @Description("less than -25 %")
    MUCH_LOWER,
    @Description("events now, none in the whole baseline")
    NEW
}
