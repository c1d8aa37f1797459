package org.parley.gateway.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;

/**
 * {@code POST /admin/import/gdelt?file=&firstLine=&format=} with up to 1000 GDELT lines as
 * {@code text/plain}: the operator's import entry point ({@code bin/parley import} streams a file through
 * it chunk by chunk). Needs a bearer token with role {@code admin} or {@code editor}. Answers
 * {@code {file, firstLine, rows, imported, duplicates, rejected: [{line, reason}]}}, every line accounted
 * for; a backend failure answers 503 (retry the chunk: it is idempotent) or 502, as problem+json.
 */
@Path("/admin/import")
public class ImportResource {

    /** One events batch per request (events-service takes ≤ 1000 per call, in one transaction). */
    static final int MAX_LINES = GdeltImporter.MAX_ITEMS;
    static final Set<String> ROLES = Set.of("admin", "editor");
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ImportResource.class);

    private final GdeltImporter importer;
    private final JWTParser jwt;

    public ImportResource(GdeltImporter importer, JWTParser jwt) {
        this.importer = importer;
        this.jwt = jwt;
    }

    @POST
    @Path("/gdelt")
    @Consumes({ MediaType.TEXT_PLAIN, "text/tab-separated-values", "text/csv" })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importGdelt",
            summary = "Import up to 1000 GDELT event lines (2.0: 61 columns, 1.0: 58 or 57); idempotent")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ImportModel.ImportReport.class)))
    @APIResponse(responseCode = "400", description = "Bad parameters or too many lines",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ImportFailure.Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token has neither role admin nor editor")
    @APIResponse(responseCode = "503", description = "A backend is unavailable; sending the chunk again is safe")
    public Uni<ImportModel.ImportReport> importGdelt(@HeaderParam("Authorization") String authorization,
            @QueryParam("file") String file, @QueryParam("firstLine") String firstLine,
            @QueryParam("format") String format, String body) {
        requireRole(authorization);
        String name = file == null || file.isBlank() ? "input" : file.trim();
        if (name.length() > 500) {
            throw ImportFailure.badRequest("file", "at most 500 characters");
        }
        long first = parseFirstLine(firstLine);
        GdeltFormat forced;
        try {
            forced = GdeltFormat.fromParameter(format).orElse(null);
        } catch (IllegalArgumentException e) {
            throw ImportFailure.badRequest("format", e.getMessage());
        }
        List<String> lines = lines(body);
        if (lines.isEmpty()) {
            throw ImportFailure.badRequest("body", "no lines to import");
        }
        if (lines.size() > MAX_LINES) {
            throw ImportFailure.badRequest("body", "at most " + MAX_LINES + " lines per request, got " + lines.size());
        }
        return importer.importLines(name, first, forced, lines);
    }

    private void requireRole(String header) {
        if (header == null || header.isBlank()) {
            throw ImportFailure.unauthenticated("This endpoint needs a bearer token with role admin or editor");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ImportFailure.unauthenticated("Only bearer tokens are accepted");
        }
        JsonWebToken token;
        try {
            token = jwt.parse(header.substring(7).trim());
        } catch (ParseException | RuntimeException e) {
            throw ImportFailure.unauthenticated("The bearer token is invalid or expired");
        }
        Set<String> groups = token.getGroups() == null ? Set.of() : token.getGroups();
        if (groups.stream().noneMatch(ROLES::contains)) {
            throw ImportFailure.forbidden("Importing needs role admin or editor");
        }
    }

    private static long parseFirstLine(String value) {
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            long n = Long.parseLong(value.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw ImportFailure.badRequest("firstLine", "must be a line number, 1 or more: '" + value + "'");
    }

    /** The body's lines; one final line break does not make an extra (empty) line. */
    static List<String> lines(String body) {
        List<String> lines = new ArrayList<>();
        if (body == null || body.isEmpty()) {
            return lines;
        }
        int start = 0;
        while (start < body.length()) {
            int end = body.indexOf('\n', start);
            if (end < 0) {
                end = body.length();
            }
            lines.add(body.substring(start, end));
            start = end + 1;
        }
        return lines;
    }

    @ServerExceptionMapper
    public Response mapImportFailure(ImportFailure failure) {
        if (failure.status() >= 500) {
            LOG.warnf("import chunk failed: %s", failure.getMessage());
        }
        return Response.status(failure.status()).type(PROBLEM_JSON).entity(failure.problem()).build();
    }

    @ServerExceptionMapper
    public Response mapHttpError(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        return Response.status(status).type(PROBLEM_JSON)
                .entity(new ImportFailure.Problem("urn:parley:problem:http", title, status,
                        "The request could not be served as sent (HTTP " + status + ")", null, null))
                .build();
    }

    @ServerExceptionMapper
    public Response mapUnexpected(Throwable t) {
        LOG.error("import chunk failed unexpectedly", t);
        return Response.status(500).type(PROBLEM_JSON)
                .entity(new ImportFailure.Problem("urn:parley:problem:internal", "Internal error", 500,
                        "The import failed unexpectedly; the gateway's log has the details", null, null))
                .build();
    }
}
