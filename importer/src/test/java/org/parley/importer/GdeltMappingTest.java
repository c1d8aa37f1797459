package org.parley.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class GdeltMappingTest {

    private final GdeltMapping mapping = new GdeltMapping(Countries.get());

    private static GdeltRow.Actor actor(String code, String name, String country, String group, String type1) {
        return new GdeltRow.Actor(code, name, country, group, type1, null, null);
    }

    @Test
    void aBareCountryCodeIsTheStateUnderCameosName() {
        assertEquals(new ImportModel.ActorItem("RUS", "Russia", "RUS", "STATE"),
                mapping.actor(actor("RUS", "RUSSIAN", "RUS", null, null)));
        assertEquals(new ImportModel.ActorItem("USA", "United States", "USA", "STATE"),
                mapping.actor(actor("USA", "DALLAS", "USA", null, null)));
    }

    @Test
    void aCountryWithCameoTypesIsASectorOfThatStateWhateverTextGdeltMatched() {
        assertEquals(new ImportModel.ActorItem("USAGOV", "United States — Government", "USA", "ORGANIZATION", "USA"),
                mapping.actor(actor("USAGOV", "UNITED STATES", "USA", null, "GOV")));
        assertEquals(new ImportModel.ActorItem("RUSGOV", "Russia — Government", "RUS", "ORGANIZATION", "RUS"),
                mapping.actor(actor("RUSGOV", "VLADIMIR PUTIN", "RUS", null, "GOV")));
        assertEquals("India — Government, Elites", mapping.actor(actor("INDGOVELI", "MANMOHAN SINGH", "IND", null, "GOV")).name());
        assertEquals("United Kingdom — Police forces", mapping.actor(actor("GBRCOP", "UNITED KINGDOM", "GBR", null, "COP")).name());
        // a known group is not a sector (TAL, the Taliban); nor are a type after a region (EUR) or a bare type
        assertEquals(new ImportModel.ActorItem("AFGINSTAL", "TALIBAN", "AFG", "ORGANIZATION"),
                mapping.actor(actor("AFGINSTAL", "TALIBAN", "AFG", "TAL", "INS")));
        assertEquals(new ImportModel.ActorItem("EUREDU", "EUROPEAN", null, "GROUP"),
                mapping.actor(actor("EUREDU", "EUROPEAN", "EUR", null, "EDU")));
        assertEquals(new ImportModel.ActorItem("GOVEDU", "EDUCATION MINIST", null, "GROUP"),
                mapping.actor(actor("GOVEDU", "EDUCATION MINIST", null, null, "GOV")));
    }

    /**
     * The analyst's complaint on the real sample: the first import made one GROUP actor per USA code, all
     * named "UNITED STATES". Now "United States" names the state alone, and each sector once.
     */
    @Test
    void onTheRealSampleOnlyTheStateIsNamedUnitedStatesAndEachSectorIsOneActor() {
        GdeltLineParser parser = new GdeltLineParser(codesOf(GdeltFiles.sample()), null);
        java.util.Set<ImportModel.ActorItem> items = new java.util.HashSet<>();
        List<String> lines = GdeltFiles.sample();
        for (int i = 0; i < lines.size(); i++) {
            GdeltRow row = parser.parse(lines.get(i), i + 1).row();
            for (GdeltRow.Actor a : new GdeltRow.Actor[] { row.actor1(), row.actor2() }) {
                if (a != null) {
                    items.add(mapping.actor(a));
                }
            }
        }
        List<ImportModel.ActorItem> usa = items.stream().filter(a -> a.cameoCode() != null && a.cameoCode().startsWith("USA"))
                .sorted(java.util.Comparator.comparing(ImportModel.ActorItem::cameoCode)).toList();
        // USAREL stays GDELT's "UNITED STATES": REL (religious) is in neither CAMEO type nor religion codebook,
        // so it names no sector; search ranks it after the state, which has far more events.
        assertEquals(List.of("USA", "USAREL"), usa.stream().filter(a -> Countries.fold(a.name()).equals("united states"))
                .map(ImportModel.ActorItem::cameoCode).toList());
        assertEquals("STATE", usa.get(0).kind());
        assertEquals(usa.size(), usa.stream().map(ImportModel.ActorItem::cameoCode).distinct().count(),
                "one actor per code: " + usa);
        // the thirteen "UNITED STATES" actors, now thirteen sectors of the state
        assertEquals(List.of("USAAGR", "USABUS", "USACOP", "USACRM", "USACVL", "USAEDU", "USAELI", "USAGOV", "USAGOVCVL",
                "USAJUD", "USALEG", "USAMED", "USAMIL"),
                usa.stream().filter(a -> "USA".equals(a.sectorOf())).map(ImportModel.ActorItem::cameoCode).toList());
        ImportModel.ActorItem gov = usa.stream().filter(a -> a.cameoCode().equals("USAGOV")).findFirst().orElseThrow();
        assertEquals("United States — Government", gov.name());
        assertTrue(usa.stream().filter(a -> a.sectorOf() != null).allMatch(a -> "USA".equals(a.sectorOf())
                && "ORGANIZATION".equals(a.kind()) && a.name().startsWith("United States — ")), usa.toString());
    }

    private static java.util.Set<String> codesOf(List<String> lines) {
        java.util.Set<String> codes = new java.util.HashSet<>();
        lines.forEach(line -> codes.add(GdeltFiles.columns(line)[26]));
        return codes;
    }

    @Test
    void otherActorsResolveByCodeAndNameAsGdeltWritesThem() {
        // CAMEO regions are not ISO countries: no country
        assertEquals(new ImportModel.ActorItem("AFR", "AFRICA", null, "GROUP"),
                mapping.actor(actor("AFR", "AFRICA", "AFR", null, null)));
        assertEquals(new ImportModel.ActorItem("COP", "POLICE", null, "GROUP"),
                mapping.actor(actor("COP", "POLICE", null, null, "COP")));
    }

    @Test
    void knownGroupsAndInternationalBodiesAreOrganizations() {
        assertEquals(new ImportModel.ActorItem("IGOEUREEC", "THE EU", null, "ORGANIZATION"),
                mapping.actor(actor("IGOEUREEC", "THE EU", "EUR", "EEC", "IGO")));
        assertEquals("ORGANIZATION", mapping.actor(actor("NGO", "AID GROUP", null, null, null)).kind());
        assertEquals("ORGANIZATION", mapping.actor(actor("USAMNC", "COMPANY", "USA", null, "MNC")).kind());
    }

    @Test
    void lowerCaseEthnicAndReligionCodesResolveByNameOnly() {
        assertEquals(new ImportModel.ActorItem(null, "KURDISH", null, "GROUP"),
                mapping.actor(actor("kur", "KURDISH", null, null, null)));
        assertEquals(new ImportModel.ActorItem(null, "catSEP", null, "GROUP"),
                mapping.actor(actor("catSEP", null, null, null, null)));
    }

    @Test
    void placesByFeatureIdWithKindFromGeoTypeAndIsoCodeFromTheCountryName() {
        assertEquals(new ImportModel.PlaceItem("gdelt-feature:1380944", "Dallas, Texas, United States", "CITY", "USA",
                32.7831, -96.8067),
                mapping.place(new GdeltRow.Geo(3, "Dallas, Texas, United States", "US", "USTX", 32.7831, -96.8067, "1380944")));
        assertEquals(new ImportModel.PlaceItem("gdelt-feature:RS", "Russia", "COUNTRY", "RUS", 60.0, 100.0),
                mapping.place(new GdeltRow.Geo(1, "Russia", "RS", "RS", 60.0, 100.0, "RS")));
        assertEquals("REGION", mapping.place(new GdeltRow.Geo(2, "Texas, United States", "US", "USTX", 31.0, -100.0, "TX")).kind());
        assertEquals("CITY", mapping.place(new GdeltRow.Geo(4, "Minsk, Belarus (general), Belarus", "BO", "BO00", 53.9, 27.5, "-1946324")).kind());
        assertEquals("BLR", mapping.place(new GdeltRow.Geo(4, "Minsk, Belarus (general), Belarus", "BO", "BO00", 53.9, 27.5, "-1946324")).countryCode());
        assertEquals("REGION", mapping.place(new GdeltRow.Geo(5, "Moskva, Russia", "RS", "RS48", 55.75, 37.6, "RS48")).kind());
        // a US state named like a country is still in the United States
        assertEquals("USA", mapping.place(new GdeltRow.Geo(2, "Georgia, United States", "US", "USGA", 32.9, -83.4, "GA")).countryCode());
        // GDELT's FIPS names that are not CAMEO's get no country rather than a guessed one
        assertNull(mapping.place(new GdeltRow.Geo(1, "Slovak Republic", "LO", "LO", 48.7, 19.5, "LO")).countryCode());
        assertNull(mapping.place(new GdeltRow.Geo(4, "Somewhere", "XX", null, null, null, null)));
        assertNull(mapping.place(new GdeltRow.Geo(4, null, "XX", null, 1.0, 1.0, "123")));
    }

    private static GdeltRow row(double goldstein, int quadClass, String url) {
        return new GdeltRow(9, GdeltFormat.V2_EXPORT, 881992818L, LocalDate.of(2019, 10, 24),
                new GdeltRow.Actor("USA", "DALLAS", "USA", null, null, null, null),
                new GdeltRow.Actor("RUS", "RUSSIA", "RUS", null, null, null, null), true, "180", quadClass, goldstein,
                10, 2, 10, -3.5, new GdeltRow.Geo(3, "Dallas, Texas, United States", "US", "USTX", 32.7831, -96.8067,
                        "1380944"),
                Instant.parse("2019-10-24T14:30:00Z"), url);
    }

    private static final ImportModel.EventType VIOLENCE = new ImportModel.EventType("180",
            "Use unconventional violence, not specified below", "18", 4, -9.0);

    @Test
    void anEventCarriesTitleDateParticipantsPlaceSourceIdAndMetrics() {
        ImportModel.EventItem e = mapping.event(row(-9.0, 4, "https://example.org/a"), VIOLENCE, "a1", "a2", "p1");
        assertEquals("United States (DALLAS) — Use unconventional violence, not specified below — Russia", e.title());
        assertEquals("180", e.code());
        assertEquals("OCCURRED", e.status());
        assertEquals(LocalDate.of(2019, 10, 24), e.start());
        assertEquals("DAY", e.precision());
        assertEquals("p1", e.locationId());
        assertEquals(List.of(new ImportModel.Participant("a1", "SOURCE"), new ImportModel.Participant("a2", "TARGET")),
                e.participants());
        assertEquals(List.of(new ImportModel.Source("https://example.org/a", null, null, Instant.parse("2019-10-24T14:30:00Z"))),
                e.sources());
        assertEquals(List.of("gdelt:881992818"), e.externalIds());
        assertEquals(Map.of("numMentions", 10.0, "numSources", 2.0, "numArticles", 10.0, "avgTone", -3.5,
                "isRootEvent", 1.0), e.metrics());
        assertTrue(e.summary().contains("GDELT 2.0 event 881992818 (root event)"), e.summary());
        assertTrue(e.summary().contains("(type 3, FIPS US, ADM1 USTX, feature 1380944)"), e.summary());
    }

    @Test
    void gdeltsOwnGoldsteinAndQuadClassAreKeptWhenTheyDisagreeWithTheCatalogue() {
        ImportModel.EventItem e = mapping.event(row(-10.0, 3, null), VIOLENCE, "a1", null, null);
        assertEquals(-10.0, e.metrics().get("gdeltGoldstein"));
        assertEquals(3.0, e.metrics().get("gdeltQuadClass"));
        assertEquals(List.of(new ImportModel.Participant("a1", "SOURCE")), e.participants());
        assertNull(e.sources());
    }

    @Test
    void aSourceNamedInsteadOfLinkedIsASourceWithoutUrl() {
        ImportModel.EventItem e = mapping.event(row(-9.0, 4, "BBC Monitoring"), VIOLENCE, null, null, null);
        assertEquals(List.of(new ImportModel.Source(null, "BBC Monitoring", "BBC Monitoring",
                Instant.parse("2019-10-24T14:30:00Z"))), e.sources());
    }
}
