package org.parley.actors.service;

/** A request that is well-formed but breaks a rule checked outside Bean Validation. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
