package org.parley.gateway.graphql.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("BaselineInput")
public record BaselineInput(
        @Description("How many periods before each period its baseline averages (1-260; default 52 weeks, 12 months or 5 years)") Integer periods) {
}
