package org.medrec.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the technicians' web UI ({@code medrec serve}); every default is in {@code application.yml}.
 *
 * @param sessionTimeout     an idle session is logged out after this long
 * @param claimDuration      an opened item stays the technician's for this long without a decision
 * @param loginMaxFailures   failed logins for one user name, or from one address, before logins are refused
 * @param loginFailureWindow the window those failures are counted in
 * @param loginGlobalMaxFailures failed logins from anyone within {@code loginGlobalWindow} before every login is refused
 * @param loginGlobalWindow  the window of the global back-off
 * @param queuePageSize      items on one page of the queue list
 * @param pageImageCache     rendered page images kept in memory
 */
@Validated
@ConfigurationProperties("medrec.web")
public record WebProperties(@NotNull Duration sessionTimeout, @NotNull Duration claimDuration,
                            @Min(value = 1, message = "must be between 1 and 100")
                            @Max(value = 100, message = "must be between 1 and 100") int loginMaxFailures,
                            @NotNull Duration loginFailureWindow,
                            @Min(value = 1, message = "must be between 1 and 100000")
                            @Max(value = 100_000, message = "must be between 1 and 100000") int loginGlobalMaxFailures,
                            @NotNull Duration loginGlobalWindow,
                            @Min(value = 5, message = "must be between 5 and 500")
                            @Max(value = 500, message = "must be between 5 and 500") int queuePageSize,
                            @Min(value = 1, message = "must be between 1 and 200")
                            @Max(value = 200, message = "must be between 1 and 200") int pageImageCache) {

    public WebProperties {
        requirePositive("medrec.web.session-timeout", sessionTimeout, "30m");
        requirePositive("medrec.web.claim-duration", claimDuration, "15m");
        requirePositive("medrec.web.login-failure-window", loginFailureWindow, "15m");
        requirePositive("medrec.web.login-global-window", loginGlobalWindow, "1m");
        if (loginGlobalMaxFailures < loginMaxFailures) {
            throw new IllegalArgumentException("medrec.web.login-global-max-failures must be at least"
                    + " medrec.web.login-max-failures (" + loginMaxFailures + "), e.g. 50");
        }
    }

    private static void requirePositive(String name, Duration value, String example) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException(name + " must be positive, e.g. " + example);
        }
    }
}
