package org.medrec.web;

import java.time.Clock;
import java.util.Locale;
import org.medrec.config.WebProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * The web UI's security, for {@code medrec serve} only (the batch commands run no web context):
 * form login against the accounts table (bcrypt, one cost for known and unknown names), throttled in
 * the authentication itself ({@link ThrottledLogin}), CSRF on every form, the session timeout of
 * {@code server.servlet.session.timeout}, sessions that end when their account changes
 * ({@link AccountSessions}), a Content-Security-Policy (only the server's own scripts, styles and
 * images; no framing), HSTS on requests that came over HTTPS, and the roles:
 * <ul>
 *   <li>everyone logged in reads the queue, the items and their page images;</li>
 *   <li>only a technician claims and decides items (only technicians change patient data);</li>
 *   <li>only an admin manages accounts and sees runs and the audit log.</li>
 * </ul>
 * Logs name the account, never patient data.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties(WebProperties.class)
class WebSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WebSecurityConfiguration.class);

    static final String TECHNICIAN = "TECHNICIAN";
    static final String ADMIN = "ADMIN";
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationManager logins, Accounts accounts)
            throws Exception {
        AccountSessions sessions = new AccountSessions(accounts);
        SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
        success.setDefaultTargetUrl("/queue");
        success.setAlwaysUseDefaultTargetUrl(true);
        http.authenticationManager(logins)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/js/**", "/error").permitAll()
                        .requestMatchers("/admin/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/queue/next", "/items/**").hasRole(TECHNICIAN)
                        .requestMatchers(HttpMethod.GET, "/", "/queue", "/items/**").authenticated()
                        .requestMatchers(HttpMethod.POST, "/queue/filter").authenticated()
                        .anyRequest().denyAll())
                .formLogin(f -> f.loginPage("/login")
                        .successHandler((request, response, authentication) -> {
                            sessions.started(request, authentication.getName());
                            log.info("login: {}", authentication.getName());
                            success.onAuthenticationSuccess(request, response, authentication);
                        })
                        .failureHandler((request, response, exception) -> {
                            boolean throttled = exception instanceof ThrottledLogin.ThrottledException;
                            log.info(throttled ? "login refused: too many failed attempts" : "login failed ({})",
                                    exception.getClass().getSimpleName());
                            response.sendRedirect(request.getContextPath() + (throttled ? "/login?throttled" : "/login?error"));
                        }))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .sessionManagement(s -> s.invalidSessionUrl("/login?expired"))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .addFilterAfter(sessions, SecurityContextHolderFilter.class);
        return http.build();
    }

    @Bean
    LoginThrottle loginThrottle(WebProperties properties) {
        return new LoginThrottle(properties.loginMaxFailures(), properties.loginFailureWindow(),
                properties.loginGlobalMaxFailures(), properties.loginGlobalWindow(), Clock.systemUTC());
    }

    /**
     * The only way in: accounts from {@code app_user} (see {@link Accounts}), throttled. A disabled
     * account is told only after its password was checked, in the same time as any other failure.
     */
    @Bean
    AuthenticationManager logins(JdbcClient jdbc, LoginThrottle throttle) {
        DaoAuthenticationProvider check = new DaoAuthenticationProvider(username -> jdbc.sql(
                        "SELECT username, password_hash, role, enabled FROM app_user WHERE username = ?")
                .param(username)
                .query((rs, n) -> User.withUsername(rs.getString(1)).password(rs.getString(2))
                        .authorities(new SimpleGrantedAuthority("ROLE_" + rs.getString(3).toUpperCase(Locale.ROOT)))
                        .disabled(!rs.getBoolean(4)).build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("no such account")));
        check.setPasswordEncoder(Accounts.PASSWORDS);
        check.setPreAuthenticationChecks(user -> { });
        check.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        return new ProviderManager(new ThrottledLogin(check, throttle));
    }
}
