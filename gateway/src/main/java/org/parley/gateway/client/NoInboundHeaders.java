package org.parley.gateway.client;

import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import io.quarkus.arc.Unremovable;

/**
 * The "inbound JAX-RS request" the MicroProfile REST client asks CDI for on every backend call, to hand its headers
 * to the client headers factory: the gateway has none (no JAX-RS server; GraphQL arrives on a Vert.x route), so
 * there are none to hand, which is what the client already concluded, at a cost: the lookup found no bean, and ArC
 * then scanned every bean it had removed from the build to explain the miss, on every call (~3 % of the gateway's
 * CPU on a one-call query such as the dyad series, JFR in bench/results/2026-11-30-gateway-cpu.md). This bean gives
 * the same answer (no headers) at the price of a cached lookup. The headers a backend call needs are set explicitly:
 * the caller's token by {@link CallerToken}, which never read these.
 */
@Singleton
@Unremovable // looked up by the REST client's filter only, never injected
public class NoInboundHeaders implements HttpHeaders {

    @Override
    public List<String> getRequestHeader(String name) {
        return List.of();
    }

    @Override
    public String getHeaderString(String name) {
        return null;
    }

    @Override
    public MultivaluedMap<String, String> getRequestHeaders() {
        return new MultivaluedHashMap<>(); // the factory it is handed to may add to it
    }

    @Override
    public List<MediaType> getAcceptableMediaTypes() {
        return List.of(MediaType.WILDCARD_TYPE);
    }

    @Override
    public List<Locale> getAcceptableLanguages() {
        return List.of();
    }

    @Override
    public MediaType getMediaType() {
        return null;
    }

    @Override
    public Locale getLanguage() {
        return null;
    }

    @Override
    public Map<String, Cookie> getCookies() {
        return Map.of();
    }

    @Override
    public Date getDate() {
        return null;
    }

    @Override
    public int getLength() {
        return -1;
    }
}
