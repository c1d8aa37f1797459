package org.parley.actors.service;

/** The client edited an older version than the one stored. */
public class StaleVersionException extends RuntimeException {

    public StaleVersionException(String message) {
        super(message);
    }
}
