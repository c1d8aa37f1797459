package org.parley.events.event.repository;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.events.db.Sql;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * How a text filter is ranked (README, "Relevance"). A query that is a conjunction (words, phrases and
 * exclusions, no {@code or}) with at least one required word is ranked by its <b>lead word</b>: the event's
 * relevance for that one word, {@code ts_rank(search, 'lead')} (title A over summary B over sources C, more
 * occurrences higher), equal ranks by id. The lead is the query's most selective required word (the one in
 * fewest events, by the planner's statistics of {@code event.search}), ties to the first one: its entries of
 * {@code event_term} (V11 migration) are that order, so a page is the first matches of one index range, each
 * tested against the whole query on its row. Any other query (an {@code or}, only exclusions) keeps ts_rank
 * of the whole query over the GIN matches.
 * <p>
 * The lead travels in the cursor, so a query pages in one order even if the statistics change in between.
 * A phrase led by one of its words is read from {@code event_pair} (V13 migration) instead, the range of the
 * phrase's adjacent pair that holds the lead, in the lead's order: the same page without testing the many
 * events that hold the lead elsewhere.
 * <p>
 * Parsed queries are cached (websearch_to_tsquery is a pure function of the text), the statistics for
 * {@link #STATS_MAX_AGE_MS}.
 */
@ApplicationScoped
public class TextRanking {

    static final long STATS_MAX_AGE_MS = 10 * 60_000;
    private static final int CACHED_QUERIES = 2_048;

    /**
     * How one text is ranked: {@code lead} null ranks by ts_rank of the whole query; {@code required} the
     * words every match contains (candidates for the lead); {@code empty} when no event can match (a word
     * both required and excluded); {@code walk} whether a page is cheaper read along the lead's event_term
     * range than from the GIN matches of all required words (see {@link Parsed#plan}); {@code pair}, when not
     * null, a phrase's two adjacent words, one of them the lead, whose event_pair range (V13 migration) is
     * read instead: the events holding the phrase, in the lead's order. {@code pairs} are all the query's
     * required adjacent pairs. All three paths give the same page.
     */
    public record Plan(String lead, List<String> required, boolean empty, boolean walk, Pair pair, List<Pair> pairs) {

        static final Plan WHOLE_QUERY = new Plan(null, List.of(), false, false, null, List.of());

        /**
         * This plan led by {@code word} (one of its required words, e.g. from a cursor); read along a pair of
         * that word if this plan reads along a pair.
         */
        Plan ledBy(String word) {
            if (word == null || word.equals(lead) || !required.contains(word)) {
                return this;
            }
            Pair via = pair == null ? null : pairs.stream().filter(p -> p.has(word)).findFirst().orElse(null);
            return new Plan(word, required, empty, walk, via, pairs);
        }

        /** Whether the lead is the pair's first word (else its second): which score orders its range. */
        public boolean leadFirst() {
            return pair != null && pair.first().equals(lead);
        }
    }

    /** Two required words of a phrase, {@code second} right after {@code first} ({@code <->}). */
    public record Pair(String first, String second) {

        public boolean has(String word) {
            return first.equals(word) || second.equals(word);
        }

        String other(String word) {
            return first.equals(word) ? second : first;
        }
    }

    /** The statistics the plan is chosen with: events in the table, share of events per common lexeme. */
    record Stats(double events, Map<String, Float> frequencies, float rarestListed) {

        static final Stats NONE = new Stats(0, Map.of(), 0f);

        /** The share of events holding {@code w}; a word not listed is at most as common as the rarest listed. */
        float frequency(String w) {
            return frequencies.getOrDefault(w, rarestListed);
        }
    }

    private final Sql sql;
    private final Map<String, Parsed> parsed = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Parsed> eldest) {
            return size() > CACHED_QUERIES;
        }
    });
    private volatile Stats stats = Stats.NONE;
    private volatile long statsAt = Long.MIN_VALUE;

    public TextRanking(Sql sql) {
        this.sql = sql;
    }

    /** How {@code text} (a filter's text, trimmed) is ranked. */
    public Uni<Plan> plan(String text) {
        Parsed known = parsed.get(text);
        Uni<Parsed> query = known != null ? Uni.createFrom().item(known)
                : sql.query("select websearch_to_tsquery('english', $1)::text as q", Tuple.of(text))
                        .map(rows -> parse(rows.iterator().next().getString("q")))
                        .invoke(p -> parsed.put(text, p));
        return query.flatMap(p -> p.required.isEmpty() || p.empty ? Uni.createFrom().item(p.plan(Stats.NONE))
                : stats().map(p::plan));
    }

    /**
     * The number of events and the share of events holding each of the most common lexemes, from ANALYZE's
     * statistics (cached; a table never analysed has none, and every query walks its first word).
     */
    private Uni<Stats> stats() {
        if (System.currentTimeMillis() - statsAt < STATS_MAX_AGE_MS) {
            return Uni.createFrom().item(stats);
        }
        return sql.query("""
                select f.elem, f.freq, c.reltuples
                  from pg_class c
                  left join pg_stats s on s.schemaname = current_schema() and s.tablename = 'event' and s.attname = 'search'
                  left join lateral unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as f(elem, freq) on true
                 where c.oid = 'event'::regclass
                """, Tuple.tuple()).map(rows -> {
            Map<String, Float> out = new HashMap<>();
            double events = 0;
            float rarest = 0f;
            for (Row row : rows) {
                events = Math.max(0, row.getDouble("reltuples"));
                if (row.getString("elem") != null) {
                    float f = row.getFloat("freq");
                    out.put(row.getString("elem"), f);
                    rarest = rarest == 0f ? f : Math.min(rarest, f);
                }
            }
            stats = new Stats(events, out, rarest);
            statsAt = System.currentTimeMillis();
            return stats;
        });
    }

    /**
     * A tsquery's shape: its required words in query order, whether it can be ranked by one, whether it has a
     * phrase, and the phrase's required adjacent pairs ({@code 'a' <-> 'b'}, neither word negated).
     */
    record Parsed(List<String> required, boolean conjunctive, boolean empty, boolean phrase, List<Pair> pairs) {

        /**
         * The rarest required word leads (a word absent from the statistics is rarer than every listed one;
         * ties to the first). Whether to walk its range: each entry read costs about one event row (the
         * whole query is tested there), so the walk costs the entries it reads before a page is full,
         * {@code 21 × lead / matches}, at most the whole range; the GIN path costs one row per event holding
         * every required word ({@code and}), whatever the order. A single word always walks (every entry is
         * a match, but for its exclusions). Several: {@code and} estimated from the statistics as if words
         * were independent, a phrase's matches as a tenth of them (two words next to each other, in order).
         * <p>
         * When the lead is one word of a required adjacent pair, the pair's event_pair range is walked
         * instead, whatever the estimates (the pair with the rarest neighbour, ties to the first): it holds
         * only events where the two words stand together, a part of the events GIN would fetch for holding
         * both (after reading both words' posting lists), already in order, so it is never the dearer path;
         * a page of the phrase alone reads about a page of entries.
         */
        Plan plan(Stats stats) {
            if (!conjunctive || required.isEmpty()) {
                return Plan.WHOLE_QUERY;
            }
            String lead = null;
            float best = Float.MAX_VALUE;
            double and = stats.events();
            for (String w : required) {
                float f = stats.frequency(w);
                and *= f;
                if (f < best) {
                    best = f;
                    lead = w;
                }
            }
            boolean walk = true;
            if (required.size() > 1 && stats.events() > 0) {
                double inLead = stats.events() * best;
                double matches = Math.max(1, phrase ? and / 10 : and);
                walk = Math.min(inLead, PAGE_GUESS * inLead / matches) <= and;
            }
            Pair via = null;
            float neighbour = Float.MAX_VALUE;
            for (Pair p : pairs) {
                if (p.has(lead) && stats.frequency(p.other(lead)) < neighbour) {
                    neighbour = stats.frequency(p.other(lead));
                    via = p;
                }
            }
            return new Plan(lead, required, empty, walk, via, pairs);
        }
    }

    /** A page and its look-ahead row, for the cost estimate (the API's default page is 20). */
    private static final double PAGE_GUESS = 21;

    /**
     * Reads the text form of a tsquery as websearch_to_tsquery writes it: quoted lexemes ({@code ''} for a
     * quote, a backslash escaping the next character), {@code &}, {@code |}, {@code !}, {@code <->} /
     * {@code <N>}, parentheses. A word is required when no {@code !} applies to it; the query is
     * conjunctive when it has no {@code |}. It is empty when a word is both required and excluded on its own
     * at the top level (between {@code &}s: {@code sanctions -sanctions}).
     */
    static Parsed parse(String tsquery) {
        List<String> required = new ArrayList<>();
        Set<String> excluded = new LinkedHashSet<>();
        boolean conjunctive = true;
        boolean phrase = false;
        List<Pair> pairs = new ArrayList<>();
        // the last operand when it was a required word and nothing but a <-> followed it yet
        String left = null;
        boolean adjacent = false;
        // per open parenthesis: whether a ! applies to the group
        List<Boolean> groups = new ArrayList<>();
        int negatedGroups = 0;
        boolean bang = false;
        String prevOp = null; // the operator before the current operand at depth 0: null (start), "&" or other
        int n = tsquery.length();
        for (int i = 0; i < n; i++) {
            char c = tsquery.charAt(i);
            if (c == '\'') {
                StringBuilder word = new StringBuilder();
                for (i++; i < n; i++) {
                    char d = tsquery.charAt(i);
                    if (d == '\\' && i + 1 < n) {
                        word.append(tsquery.charAt(++i));
                    } else if (d == '\'') {
                        if (i + 1 < n && tsquery.charAt(i + 1) == '\'') {
                            word.append('\'');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        word.append(d);
                    }
                }
                // a weight or prefix suffix (:A, :*) is not written by websearch_to_tsquery; skip it if present
                if (i + 1 < n && tsquery.charAt(i + 1) == ':') {
                    for (i++; i + 1 < n && (Character.isLetter(tsquery.charAt(i + 1)) || tsquery.charAt(i + 1) == '*'); i++) {
                        // skip
                    }
                }
                String w = word.toString();
                boolean requiredHere = !bang && negatedGroups == 0;
                if (requiredHere && adjacent && left != null) {
                    Pair p = new Pair(left, w);
                    if (!pairs.contains(p)) {
                        pairs.add(p);
                    }
                }
                left = requiredHere ? w : null;
                adjacent = false;
                if (bang || negatedGroups > 0) {
                    if (bang && negatedGroups == 0 && groups.isEmpty() && !"phrase".equals(prevOp)
                            && !followedByPhrase(tsquery, i + 1)) {
                        excluded.add(w);
                    }
                } else if (!required.contains(w)) {
                    required.add(w);
                }
                bang = false;
            } else if (c == '!') {
                bang = true;
                left = null;
            } else if (c == '(') {
                left = null;
                groups.add(bang);
                if (bang) {
                    negatedGroups++;
                }
                bang = false;
            } else if (c == ')') {
                left = null;
                if (!groups.isEmpty() && groups.remove(groups.size() - 1)) {
                    negatedGroups--;
                }
            } else if (c == '|') {
                conjunctive = false;
                left = null;
            } else if (c == '&') {
                left = null;
                prevOp = groups.isEmpty() ? "&" : prevOp;
            } else if (c == '<') {
                phrase = true;
                prevOp = groups.isEmpty() ? "phrase" : prevOp;
                int open = i;
                while (i < n && tsquery.charAt(i) != '>') {
                    i++;
                }
                // <-> (distance 1, also spelled <1>): the operands on both sides stand next to each other
                String distance = tsquery.substring(open + 1, Math.min(i, n));
                adjacent = distance.equals("-") || distance.equals("1");
                left = adjacent ? left : null;
            }
        }
        boolean empty = conjunctive && required.stream().anyMatch(excluded::contains);
        return new Parsed(List.copyOf(required), conjunctive, empty, phrase, List.copyOf(pairs));
    }

    private static boolean followedByPhrase(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ') {
                return c == '<';
            }
        }
        return false;
    }

    /** The tsquery of one stored lexeme, as the V11 migration's lexeme_query spells it. */
    static String lexemeQuery(String lexeme) {
        return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
