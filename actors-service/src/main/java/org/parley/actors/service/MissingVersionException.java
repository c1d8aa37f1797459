package org.parley.actors.service;

/** An update without the version it was based on: lost updates are refused, not guessed. */
public class MissingVersionException extends RuntimeException {

    public MissingVersionException(String message) {
        super(message);
    }
}
