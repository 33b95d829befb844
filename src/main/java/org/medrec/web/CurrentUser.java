package org.medrec.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page's model has {@code me}: the logged-in account and its role (null before login). */
@ControllerAdvice
@ConditionalOnWebApplication
class CurrentUser {

    /** The account on a page: its name and what its role allows. */
    public record Me(String name, boolean technician, boolean admin) {
    }

    @ModelAttribute("me")
    Me me(Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return new Me(authentication.getName(), has(authentication, "ROLE_TECHNICIAN"), has(authentication, "ROLE_ADMIN"));
    }

    private static boolean has(Authentication authentication, String authority) {
        return authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(authority));
    }
}
