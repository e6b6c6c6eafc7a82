package org.factorysharing.server.web;

import java.io.IOException;

/** The request body grew beyond the limit while it was read; answered 413 with nothing of it used. */
public class BodyTooLarge extends IOException {

    private final long limit;

    public BodyTooLarge(long limit) {
        super("request body larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
