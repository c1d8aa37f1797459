package org.parley.events.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URL;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.parley.common.security.testing.WriteEndpoints;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every write operation in the OpenAPI document needs a valid token with its role: editor for the single
 * writes the gateway makes, importer for the bulk endpoints (places resolve, the events batch, the import progress). Without a token or with one that does not
 * verify: 401; with the wrong role: 403; both problem+json. A new write endpoint shows up in the first
 * assertion and is checked by the second.
 */
@QuarkusTest
class WriteAccessTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void everyWriteOperationRefusesCallersWithoutItsRole() throws Exception {
        URI service = root.toURI();
        assertEquals(Set.of(
                "POST /places [editor]", "PUT /places/{id} [editor]", "DELETE /places/{id} [editor]",
                "POST /places/resolve [importer]",
                "POST /events [editor]", "POST /events/batch [importer]", "PUT /events/{id} [editor]",
                "PATCH /events/{id} [editor]", "DELETE /events/{id} [editor]", "POST /events/{id}/sources [editor]",
                "POST /events/{id}/related [editor]", "DELETE /events/{id}/related/{kind}/{eventId} [editor]",
                "PUT /imports/{feed} [importer]"),
                WriteEndpoints.of(service).stream().map(Object::toString).collect(Collectors.toSet()));
        assertEquals(13, WriteEndpoints.assertEveryWriteNeedsItsRole(service, Set.of("editor", "importer", "reader")));
    }
}
