package org.parley.importer;

import java.time.Instant;
import java.time.LocalDate;

/** One parsed, well-formed GDELT event row. Optional parts are null when GDELT leaves them blank. */
public record GdeltRow(
        long lineNumber,
        GdeltFormat format,
        long globalEventId,
        LocalDate date,
        Actor actor1,
        Actor actor2,
        boolean rootEvent,
        String eventCode,
        int quadClass,
        double goldstein,
        int numMentions,
        int numSources,
        int numArticles,
        double avgTone,
        Geo actionGeo,
        Instant dateAdded,
        String sourceUrl) {

    /** A CAMEO-coded actor as GDELT writes it: no identity beyond code + name. */
    public record Actor(String code, String name, String countryCode, String knownGroupCode,
                        String type1Code, String type2Code, String type3Code) {
    }

    /** A GDELT geography block; {@code countryCode} is FIPS 10-4, not ISO. */
    public record Geo(int type, String fullName, String countryCode, String adm1Code,
                      Double latitude, Double longitude, String featureId) {
    }

    public String externalId() {
        return "gdelt:" + globalEventId;
    }
}
