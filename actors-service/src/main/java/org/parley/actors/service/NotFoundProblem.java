package org.parley.actors.service;

/** Raised at the REST edge when a use case came back empty. */
public class NotFoundProblem extends RuntimeException {

    public NotFoundProblem(String message) {
        super(message);
    }
}
