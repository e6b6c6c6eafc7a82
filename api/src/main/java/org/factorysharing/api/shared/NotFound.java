package org.factorysharing.api.shared;

/** The id in the URL names nothing that exists (or nothing the caller may see). */
public class NotFound extends RuntimeException {

    public NotFound(String what) {
        super(what);
    }
}
