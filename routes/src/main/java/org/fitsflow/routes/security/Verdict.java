package org.fitsflow.routes.security;

import org.fitsflow.routes.api.ErrorBody;

/** What the credentials of a request amount to; every verdict but {@link #ALLOWED} is a 401. */
public enum Verdict {
    ALLOWED(null),
    MISSING("this service needs its access token: send the header 'Authorization: Bearer <token>', "
            + "or enter the token on the web page"),
    WRONG_TOKEN("the access token is wrong"),
    SESSION_ENDED("this browser's sign-in has ended (signed out, expired, or the service restarted): enter the token again");

    private final String detail;

    Verdict(String detail) {
        this.detail = detail;
    }

    /** The body of the 401. */
    public ErrorBody body() {
        return new ErrorBody("unauthorized", detail);
    }
}
