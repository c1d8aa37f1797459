package org.parley.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;


/**
 * How a parsed GDELT row becomes Parley data. Pure functions, so the same row always maps to the same
 * resolve keys (which is what makes a re-run converge).
 *
 * <ul>
 * <li>Actors: GDELT has no identities beyond CAMEO code + name. A bare ISO country code (RUS, USA) is
 * CAMEO's code for the country itself, whatever text GDELT matched ("RUSSIAN", "MOSCOW", "DALLAS"), so
 * it resolves to the STATE under CAMEO's country name ("Russia"); the matched text stays in the title
 * and summary. A composite code of a country and CAMEO types only (USAGOV, RUSMIL, INDGOVELI) is that
 * state's SECTOR: an ORGANIZATION "United States — Government" (CAMEO's type labels), whatever text
 * GDELT matched ("UNITED STATES", "WASHINGTON", "VLADIMIR PUTIN"), resolved together with its state and
 * linked to it (SECTOR_OF). Everything else resolves by (code, name) as GDELT writes it
 * ("TALIBAN"/AFGINSTAL: TAL is a known group, not a type).</li>
 * <li>Places: ActionGeo by {@code gdelt-feature:<FeatureID>}; the country code is ISO alpha-3 only when
 * the place name's country part is a CAMEO country name (GDELT's own code is FIPS 10-4, kept in the
 * summary).</li>
 * </ul>
 */
public final class GdeltMapping {

    /** CAMEO actor types and code prefixes of international and non-governmental organisations. */
    private static final Set<String> ORGANIZATION_TYPES = Set.of("IGO", "NGO", "MNC");
    /** actors-service's cameoCode rule. */
    private static final Pattern ACTOR_CODE = Pattern.compile("[A-Z0-9]{3,30}");
    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final int MAX_URL = 2000;
    private static final int MAX_TITLE = 500;

    private final Countries countries;
    private final ActorTypes types;

    public GdeltMapping(Countries countries) {
        this(countries, ActorTypes.get());
    }

    public GdeltMapping(Countries countries, ActorTypes types) {
        this.countries = countries;
        this.types = types;
    }

    /** The resolve item for a GDELT actor (never null for a non-null actor). */
    public ImportModel.ActorItem actor(GdeltRow.Actor a) {
        ImportModel.ActorItem state = state(a.code());
        if (state != null) {
            return state;
        }
        ImportModel.ActorItem sector = sector(a);
        if (sector != null) {
            return sector;
        }
        String name = a.name() != null ? a.name() : a.code();
        String country = Countries.isIso3(a.countryCode()) ? a.countryCode() : null;
        // GDELT also writes CAMEO's lower-case ethnic and religion codes as actor codes ("kur", "catSEP");
        // actors-service keeps upper-case actor codes only, so such an actor resolves by its name alone
        // (the code stays in the event's summary). Upper-casing could collide with a real code.
        String code = a.code() != null && ACTOR_CODE.matcher(a.code()).matches() ? a.code() : null;
        return new ImportModel.ActorItem(code, name, country, isOrganization(a) ? "ORGANIZATION" : "GROUP");
    }

    /** The STATE item of a bare ISO country code with a CAMEO name, else null. */
    ImportModel.ActorItem state(String code) {
        String stateName = Countries.isIso3(code) ? countries.nameOf(code) : null;
        return stateName == null ? null : new ImportModel.ActorItem(code, stateName, code, "STATE");
    }

    /**
     * The sector item of a composite code (a country with a CAMEO name, then type codes only, no known
     * group), else null. {@code sectorOf} is the country's code: its state item goes in the same resolve.
     */
    private ImportModel.ActorItem sector(GdeltRow.Actor a) {
        String code = a.code();
        if (code == null || code.length() < 6 || a.knownGroupCode() != null) {
            return null;
        }
        ImportModel.ActorItem state = state(code.substring(0, 3));
        List<String> labels = state == null ? null : types.labelsOf(code.substring(3));
        if (labels == null) {
            return null;
        }
        return new ImportModel.ActorItem(code, state.name() + " — " + String.join(", ", labels), state.country(),
                "ORGANIZATION", state.cameoCode());
    }

    private static boolean isOrganization(GdeltRow.Actor a) {
        if (a.knownGroupCode() != null) {
            return true; // CAMEO's known groups: EEC (European Union), UNO, NAT (NATO), …
        }
        for (String type : new String[] { a.type1Code(), a.type2Code(), a.type3Code() }) {
            if (type != null && ORGANIZATION_TYPES.contains(type)) {
                return true;
            }
        }
        return a.code() != null && ORGANIZATION_TYPES.stream().anyMatch(a.code()::startsWith);
    }

    /** The resolve item for the action's place, or null when GDELT gives no feature id or no name. */
    public ImportModel.PlaceItem place(GdeltRow.Geo g) {
        if (g == null || g.featureId() == null || g.fullName() == null) {
            return null;
        }
        String kind = switch (g.type()) {
            case 1 -> "COUNTRY";
            case 2, 5 -> "REGION"; // US state / first-order division elsewhere
            default -> "CITY"; // 3 US city, 4 world city (landmarks too)
        };
        String[] parts = g.fullName().split(",");
        String countryCode = countries.codeOfName(parts[parts.length - 1].trim());
        return new ImportModel.PlaceItem("gdelt-feature:" + g.featureId(), g.fullName(), kind, countryCode,
                g.latitude(), g.longitude());
    }

    /**
     * The event for a row, given the ids its actors and place resolved to (null when absent) and the
     * catalogue entry of its code.
     */
    public ImportModel.EventItem event(GdeltRow row, ImportModel.EventType type, String actor1Id, String actor2Id,
            String placeId) {
        List<ImportModel.Participant> participants = new ArrayList<>(2);
        if (actor1Id != null) {
            participants.add(new ImportModel.Participant(actor1Id, "SOURCE"));
        }
        if (actor2Id != null) {
            participants.add(new ImportModel.Participant(actor2Id, "TARGET"));
        }
        return new ImportModel.EventItem(title(row, type), summary(row), row.eventCode(), "OCCURRED", row.date(),
                "DAY", placeId, participants, sources(row), List.of(row.externalId()), metrics(row, type));
    }

    /**
     * SOURCEURL + DATEADDED. GDELT writes a name instead of a URL for sources without one ("BBC
     * Monitoring"): that becomes a source without url, titled and published by that name.
     */
    static List<ImportModel.Source> sources(GdeltRow row) {
        String s = row.sourceUrl();
        if (s == null) {
            return null;
        }
        if (validUrl(s)) {
            return List.of(new ImportModel.Source(s, null, null, row.dateAdded()));
        }
        return List.of(new ImportModel.Source(null, cut(s, 300), cut(s, 1000), row.dateAdded()));
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static boolean validUrl(String url) {
        return url != null && url.length() <= MAX_URL && URL.matcher(url).matches();
    }

    /** "United States (DALLAS) — Use unconventional violence — Russia". */
    String title(GdeltRow row, ImportModel.EventType type) {
        List<String> parts = new ArrayList<>(3);
        if (row.actor1() != null) {
            parts.add(display(row.actor1()));
        }
        parts.add(type.name());
        if (row.actor2() != null) {
            parts.add(display(row.actor2()));
        }
        String title = String.join(" — ", parts);
        return title.length() <= MAX_TITLE ? title : title.substring(0, MAX_TITLE - 1) + "…";
    }

    private String display(GdeltRow.Actor a) {
        ImportModel.ActorItem item = actor(a);
        String name = item.name();
        // a sector's matched text is worth showing only when it is more than its country's name
        String plain = item.sectorOf() == null ? name : state(item.sectorOf()).name();
        if (a.name() != null && !Countries.fold(a.name()).equals(Countries.fold(plain))) {
            return name + " (" + a.name() + ")";
        }
        return name;
    }

    /** GDELT's own codes that have no field of their own (FIPS, ADM1, feature id, actor codes), searchable. */
    String summary(GdeltRow row) {
        StringBuilder s = new StringBuilder("GDELT ").append(row.format().label()).append(" event ")
                .append(row.globalEventId());
        if (row.rootEvent()) {
            s.append(" (root event)");
        }
        s.append(", ").append(row.date());
        if (row.dateAdded() != null) {
            s.append(", added ").append(row.dateAdded());
        }
        s.append('.');
        appendActor(s, "Actor1", row.actor1());
        appendActor(s, "Actor2", row.actor2());
        GdeltRow.Geo g = row.actionGeo();
        if (g != null) {
            s.append(" Action geo: ").append(g.fullName() == null ? "(no name)" : g.fullName()).append(" (type ")
                    .append(g.type());
            if (g.countryCode() != null) {
                s.append(", FIPS ").append(g.countryCode());
            }
            if (g.adm1Code() != null) {
                s.append(", ADM1 ").append(g.adm1Code());
            }
            if (g.featureId() != null) {
                s.append(", feature ").append(g.featureId());
            }
            s.append(").");
        }
        return s.toString();
    }

    private static void appendActor(StringBuilder s, String label, GdeltRow.Actor a) {
        if (a == null) {
            return;
        }
        s.append(' ').append(label).append(": ");
        if (a.code() != null) {
            s.append(a.code()).append(' ');
        }
        if (a.name() != null) {
            s.append('"').append(a.name()).append('"');
        }
        List<String> more = new ArrayList<>();
        if (a.countryCode() != null) {
            more.add("country " + a.countryCode());
        }
        if (a.knownGroupCode() != null) {
            more.add("group " + a.knownGroupCode());
        }
        for (String t : new String[] { a.type1Code(), a.type2Code(), a.type3Code() }) {
            if (t != null) {
                more.add("type " + t);
            }
        }
        if (!more.isEmpty()) {
            s.append(" (").append(String.join(", ", more)).append(')');
        }
        s.append('.');
    }

    /**
     * GDELT's counts and tone; its Goldstein and QuadClass only where they disagree with the catalogue
     * (the event's own goldstein/quadClass come from the catalogue entry of its code).
     */
    static Map<String, Double> metrics(GdeltRow row, ImportModel.EventType type) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("numMentions", (double) row.numMentions());
        m.put("numSources", (double) row.numSources());
        m.put("numArticles", (double) row.numArticles());
        m.put("avgTone", row.avgTone());
        m.put("isRootEvent", row.rootEvent() ? 1.0 : 0.0);
        if (type.goldstein() == null || Double.compare(type.goldstein(), row.goldstein()) != 0) {
            m.put("gdeltGoldstein", row.goldstein());
        }
        if (type.quadClass() == null || type.quadClass() != row.quadClass()) {
            m.put("gdeltQuadClass", (double) row.quadClass());
        }
        return m;
    }
}
