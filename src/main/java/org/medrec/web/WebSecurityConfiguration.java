package org.medrec.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The web UI's security, for {@code medrec serve} only (the batch commands run no web context):
 * form login against the accounts table (bcrypt), CSRF on every form, the session timeout of
 * {@code server.servlet.session.timeout}, throttled failed logins, and the roles:
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

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, LoginThrottle throttle) throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
        success.setDefaultTargetUrl("/queue");
        success.setAlwaysUseDefaultTargetUrl(true);
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/js/**", "/error").permitAll()
                        .requestMatchers("/admin/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/queue/next", "/items/**").hasRole(TECHNICIAN)
                        .requestMatchers(HttpMethod.GET, "/", "/queue", "/items/**").authenticated()
                        .requestMatchers(HttpMethod.POST, "/queue/filter").authenticated()
                        .anyRequest().denyAll())
                .formLogin(f -> f.loginPage("/login")
                        .successHandler((request, response, authentication) -> {
                            throttle.succeeded(authentication.getName());
                            log.info("login: {}", authentication.getName());
                            success.onAuthenticationSuccess(request, response, authentication);
                        })
                        .failureHandler((request, response, exception) -> {
                            throttle.failed(request.getParameter("username"), request.getRemoteAddr());
                            log.info("login failed ({})", exception.getClass().getSimpleName());
                            response.sendRedirect(request.getContextPath() + "/login?error");
                        }))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .sessionManagement(s -> s.invalidSessionUrl("/login?expired"))
                .addFilterBefore(new ThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    LoginThrottle loginThrottle(WebProperties properties) {
        return new LoginThrottle(properties.loginMaxFailures(), properties.loginFailureWindow(), Clock.systemUTC());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /** Accounts from {@code app_user} (see {@link Accounts}); a disabled account cannot log in. */
    @Bean
    UserDetailsService userDetailsService(JdbcClient jdbc) {
        return username -> jdbc.sql("SELECT username, password_hash, role, enabled FROM app_user WHERE username = ?")
                .param(username)
                .query((rs, n) -> User.withUsername(rs.getString(1)).password(rs.getString(2))
                        .authorities(new SimpleGrantedAuthority("ROLE_" + rs.getString(3).toUpperCase(Locale.ROOT)))
                        .disabled(!rs.getBoolean(4)).build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

    /** Refuses a login attempt while its user name or address has too many recent failures. */
    private static final class ThrottleFilter extends OncePerRequestFilter {

        private final LoginThrottle throttle;

        ThrottleFilter(LoginThrottle throttle) {
            this.throttle = throttle;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getMethod().equals("POST") && request.getRequestURI().equals(request.getContextPath() + "/login")
                    && throttle.blocked(request.getParameter("username"), request.getRemoteAddr())) {
                log.info("login refused: too many failed attempts");
                response.sendRedirect(request.getContextPath() + "/login?throttled");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
