package org.parley.gateway;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The gateway's /q/metrics (Prometheus text format), parsed into samples. */
public final class Scrape {

    public record Sample(String name, Map<String, String> labels, double value) {
    }

    /** name, labels, value; then maybe a timestamp and an exemplar ("# {trace_id=…} …": OTel is on). */
    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{((?:[^\"}]|\"(?:[^\"\\\\]|\\\\.)*\")*)\\})? (\\S+)(?: -?\\d+)?(?: # .*)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final List<Sample> samples;

    private Scrape(List<Sample> samples) {
        this.samples = samples;
    }

    public static Scrape now() {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return new Scrape(text.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).map(Scrape::parse).toList());
    }

    private static Sample parse(String line) {
        Matcher m = SAMPLE.matcher(line);
        if (!m.matches()) {
            throw new AssertionError("not a Prometheus sample: " + line);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (m.group(2) != null) {
            Matcher l = LABEL.matcher(m.group(2));
            while (l.find()) {
                labels.put(l.group(1), l.group(2));
            }
        }
        return new Sample(m.group(1), labels, Double.parseDouble(m.group(3)));
    }

    /** The samples of {@code name} whose labels include all of {@code labels}. */
    public List<Sample> find(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name)
                && s.labels().entrySet().containsAll(labels.entrySet())).toList();
    }

    /** The sum of those samples (0 when there are none). */
    public double sum(String name, Map<String, String> labels) {
        return find(name, labels).stream().mapToDouble(Sample::value).sum();
    }

    public List<Sample> all() {
        return samples;
    }
}
