package org.parley.gateway.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.arc.Arc;
import io.quarkus.rest.client.reactive.ReactiveClientHeadersFactory;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/**
 * Sends the caller's own bearer token on the backend calls made for its request, so actors-service and
 * events-service check the caller's role themselves (they refuse writes without editor). Read from the
 * request's security identity (per request: a WebSocket operation's identity is its connection's), never
 * from shared state; a call outside any request (none today) or by an anonymous caller carries no token.
 */
@ApplicationScoped
public class CallerToken extends ReactiveClientHeadersFactory {

    private final CurrentIdentityAssociation identity;

    public CallerToken(CurrentIdentityAssociation identity) {
        this.identity = identity;
    }

    @Override
    public Uni<MultivaluedMap<String, String>> getHeaders(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        if (!Arc.container().requestContext().isActive()) {
            return Uni.createFrom().item(headers);
        }
        return identity.getDeferredIdentity().map(caller -> {
            if (caller.getPrincipal() instanceof JsonWebToken token && token.getRawToken() != null) {
                headers.putSingle("Authorization", "Bearer " + token.getRawToken());
            }
            return headers;
        });
    }
}
