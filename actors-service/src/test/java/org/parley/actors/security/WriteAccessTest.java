package org.parley.actors.security;

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
 * writes the gateway makes, importer for the bulk resolve and the event counts. Without a token or with one that does not
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
                "POST /actors [editor]", "PUT /actors/{id} [editor]", "DELETE /actors/{id} [editor]",
                "POST /actors/resolve [importer]", "POST /actors/event-counts [importer]",
                "POST /actors/{id}/relationships [editor]", "DELETE /actors/{id}/relationships/{relationshipId} [editor]"),
                WriteEndpoints.of(service).stream().map(Object::toString).collect(Collectors.toSet()));
        assertEquals(7, WriteEndpoints.assertEveryWriteNeedsItsRole(service, Set.of("editor", "importer", "reader")));
    }
}
