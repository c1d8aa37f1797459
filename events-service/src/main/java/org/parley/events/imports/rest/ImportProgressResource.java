package org.parley.events.imports.rest;

import jakarta.annotation.security.RolesAllowed;
import org.parley.security.Roles;
import java.util.regex.Pattern;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.parley.events.imports.ImportProgress;
import org.parley.events.imports.repository.ImportProgressRepository;
import org.parley.events.imports.rest.dto.ImportProgressUpdate;
import org.parley.common.problem.ApiException;
import org.parley.common.problem.Problem;

import io.smallrye.mutiny.Uni;

/**
 * The progress of an importer following a feed (the importer's {@code --follow}): which file it
 * imported last. Kept here, beside the events, so that a restarted importer or a second replica goes
 * on from the same place; every move is a compare-and-set on {@code version}.
 */
@Path("/imports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Bad request",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ImportProgressResource {

    private static final Pattern FEED = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    private final ImportProgressRepository progress;

    public ImportProgressResource(ImportProgressRepository progress) {
        this.progress = progress;
    }

    @GET
    @Path("/{feed}")
    @Operation(operationId = "getImportProgress", summary = "The last file of a feed imported completely")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ImportProgress.class)))
    @APIResponse(responseCode = "404", description = "Nothing of this feed recorded yet")
    public Uni<ImportProgress> getImportProgress(@PathParam("feed") String feed) {
        String name = checkFeed(feed);
        return progress.findProgress(name).map(p -> {
            if (p == null) {
                throw ApiException.notFound("no progress recorded for feed " + name);
            }
            return p;
        });
    }

    @RolesAllowed(Roles.IMPORTER)
    @PUT
    @Path("/{feed}")
    @Operation(operationId = "putImportProgress",
            summary = "Move a feed on to its next file, if it is still at the version given (none: new feed)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ImportProgress.class)))
    @APIResponse(responseCode = "409", description = "Another importer moved the feed first",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ImportProgress> putImportProgress(@PathParam("feed") String feed,
            @Valid @NotNull ImportProgressUpdate update) {
        String name = checkFeed(feed);
        Uni<ImportProgress> moved = update.version() == null ? progress.createProgress(name, update.lastFile())
                : progress.moveProgress(name, update.lastFile(), update.version());
        return moved.map(p -> {
            if (p == null) {
                throw ApiException.conflict("feed " + name + " is not at version "
                        + (update.version() == null ? "(none)" : update.version()) + "; read it again");
            }
            return p;
        });
    }

    private static String checkFeed(String feed) {
        if (feed == null || !FEED.matcher(feed).matches()) {
            throw ApiException.badRequest("feed", "lower-case letters, digits, '.', '_' or '-', at most 100");
        }
        return feed;
    }
}
