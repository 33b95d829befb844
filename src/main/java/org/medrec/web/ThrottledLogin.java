package org.medrec.web;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The login check itself, throttled: every attempt that reaches authentication, whatever URL or
 * encoding of it brought the request there, is refused while its user name, its address or the
 * whole server has too many recent failures ({@link LoginThrottle}), before any password is
 * looked at; each failure is counted, each success clears its name. Thread-safe.
 */
final class ThrottledLogin implements AuthenticationProvider {

    /** Refused without a look at the password: too many recent failures. */
    static final class ThrottledException extends AuthenticationException {
        ThrottledException() {
            super("too many failed logins");
        }
    }

    private final AuthenticationProvider check;
    private final LoginThrottle throttle;

    ThrottledLogin(AuthenticationProvider check, LoginThrottle throttle) {
        this.check = check;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String name = attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        if (throttle.blocked(name, address)) {
            throw new ThrottledException();
        }
        try {
            Authentication done = check.authenticate(attempt);
            if (done == null) {
                throw new org.springframework.security.authentication.ProviderNotFoundException("no login check");
            }
            throttle.succeeded(name);
            return done;
        } catch (AuthenticationException e) {
            throttle.failed(name, address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return check.supports(authentication);
    }
}
