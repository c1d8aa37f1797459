package org.parley.events.stats;

/** What /stats/counts groups events by; the query parameter is the lower-case name. */
public enum CountGroup {
    /** each participating actor (an event counts once per actor, whatever the roles) */
    ACTOR,
    /** each pair of distinct participants */
    DYAD,
    /** the country code of the event's location */
    COUNTRY,
    /** the event's location itself (not the places above it) */
    PLACE,
    /** the CAMEO root code */
    ROOT,
    /** the QuadClass 1–4 */
    QUAD
}
