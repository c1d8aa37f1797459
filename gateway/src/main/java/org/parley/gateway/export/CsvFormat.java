package org.parley.gateway.export;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.parley.gateway.client.EventsModel;

import io.vertx.core.buffer.Buffer;

/**
 * RFC 4180 CSV: a header row, CRLF line ends, a field quoted (its quotes doubled) when it holds a quote, comma,
 * CR or LF, or starts or ends with white space. Preceded by a UTF-8 byte order mark, which spreadsheet programs
 * need to read UTF-8 (Python: {@code encoding="utf-8-sig"}). Text that a spreadsheet would run as a formula
 * (starting with = + - @, tab or CR: OWASP's CSV injection list) gets a leading apostrophe; numbers (a negative
 * Goldstein score) are written as numbers. The web app's former client-side CSV had the same columns (up to
 * {@code sources}) and the same rules, so a saved file reads the same.
 */
final class CsvFormat implements ExportFormat {

    static final List<String> HEADER = List.of("id", "start", "end", "precision", "status", "code", "type",
            "root_code", "quad_class", "goldstein", "title", "summary", "participants", "participant_ids", "place",
            "place_id", "country_code", "latitude", "longitude", "territories_at_stake", "sources", "external_ids");

    private static final Pattern FORMULA = Pattern.compile("^[=+\\-@\t\r]");
    private static final Pattern NEEDS_QUOTES = Pattern.compile("[\",\r\n]|^\\s|\\s$");

    @Override
    public String contentType() {
        return "text/csv; charset=utf-8; header=present";
    }

    @Override
    public String extension() {
        return "csv";
    }

    @Override
    public Buffer begin() {
        StringBuilder out = new StringBuilder("\ufeff");
        line(out, HEADER.stream().map(CsvFormat::text).toList());
        return Buffer.buffer(out.toString());
    }

    @Override
    public Buffer rows(List<ExportRow> rows, boolean first) {
        StringBuilder out = new StringBuilder(rows.size() * 256);
        for (ExportRow row : rows) {
            EventsModel.Event e = row.event();
            EventsModel.Place place = row.location();
            line(out, List.of(text(e.id()), text(string(e.start())), text(string(e.end())), text(e.precision()),
                    text(e.status()), text(e.code()), text(row.typeName()), text(e.rootCode()), number(e.quadClass()),
                    number(e.goldstein()), text(e.title()), text(e.summary()),
                    text(join(row.participants().stream().map(ExportRow.NamedParticipant::label).toList())),
                    text(join(row.participants().stream().map(p -> p.actorId() + " (" + p.role() + ")").toList())),
                    text(place == null ? null : place.name()), text(e.locationId()),
                    text(place == null ? null : place.countryCode()), number(place == null ? null : place.latitude()),
                    number(place == null ? null : place.longitude()),
                    text(join(row.subjects().stream().map(EventsModel.Place::name).toList())),
                    text(join(nonNull(e.sources()).stream().map(CsvFormat::source).toList())),
                    text(join(nonNull(e.externalIds())))));
        }
        return Buffer.buffer(out.toString());
    }

    @Override
    public Buffer end() {
        return Buffer.buffer();
    }

    /** One text field, guarded and quoted as the class comment says; null is the empty field. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        String s = FORMULA.matcher(value).find() ? "'" + value : value;
        return NEEDS_QUOTES.matcher(s).find() ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String number(Number value) {
        return value == null || value instanceof Double d && !Double.isFinite(d) ? "" : value.toString();
    }

    private static void line(StringBuilder out, List<String> fields) {
        out.append(String.join(",", fields)).append("\r\n");
    }

    private static String source(EventsModel.Source s) {
        return String.join(" — ", java.util.stream.Stream.of(s.publisher(), s.title(), s.url())
                .filter(Objects::nonNull).filter(v -> !v.isBlank()).toList());
    }

    private static String join(List<String> values) {
        return values.isEmpty() ? null : String.join("; ", values);
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
