package org.parley.gateway.client;

/** The backend was unreachable, too slow, failing (5xx) or its circuit is open: worth a retry. */
public final class BackendUnavailableException extends BackendException {

    public BackendUnavailableException(String service, String detail) {
        super(Kind.UNAVAILABLE, service, detail, null);
    }
}
