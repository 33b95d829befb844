package org.medrec.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per user name and per client address, in memory, and refuses further
 * attempts for a key once it has {@code maxFailures} failures within {@code window}, until the
 * oldest of them is older than the window. A successful login clears its user name (not the
 * address: one address guessing many names stays throttled). Besides, a global back-off: once
 * there were {@code globalMaxFailures} failures from anyone within {@code globalWindow} (guessing
 * spread over many names and addresses), every login is refused until that window has passed.
 * Thread-safe.
 */
public final class LoginThrottle {

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final int globalMaxFailures;
    private final Duration globalWindow;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Deque<Instant> everyone = new ArrayDeque<>();

    public LoginThrottle(int maxFailures, Duration window, int globalMaxFailures, Duration globalWindow, Clock clock) {
        if (maxFailures < 1 || globalMaxFailures < maxFailures) {
            throw new IllegalArgumentException("maxFailures must be at least 1 and globalMaxFailures at least maxFailures,"
                    + " not " + maxFailures + " and " + globalMaxFailures);
        }
        this.maxFailures = maxFailures;
        this.window = window;
        this.globalMaxFailures = globalMaxFailures;
        this.globalWindow = globalWindow;
        this.clock = clock;
    }

    /** Whether a login for {@code username} from {@code address} must be refused now. */
    public boolean blocked(String username, String address) {
        return full(userKey(username)) || full(addressKey(address)) || globallyBlocked();
    }

    public void failed(String username, String address) {
        record(userKey(username));
        record(addressKey(address));
        synchronized (everyone) {
            prune(everyone, globalWindow);
            everyone.addLast(clock.instant());
            while (everyone.size() > globalMaxFailures) {
                everyone.removeFirst();
            }
        }
    }

    private boolean globallyBlocked() {
        synchronized (everyone) {
            prune(everyone, globalWindow);
            return everyone.size() >= globalMaxFailures;
        }
    }

    public void succeeded(String username) {
        failures.remove(userKey(username));
    }

    private static String userKey(String username) {
        return "u:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "a:" + (address == null ? "" : address);
    }

    private boolean full(String key) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return false;
        }
        synchronized (times) {
            prune(times);
            return times.size() >= maxFailures;
        }
    }

    private void record(String key) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times);
            times.addLast(clock.instant());
            while (times.size() > maxFailures) {
                times.removeFirst();
            }
        }
        if (failures.size() > 100_000) {   // a flood of made-up names: forget the ones whose window passed
            failures.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    prune(e.getValue());
                    return e.getValue().isEmpty();
                }
            });
        }
    }

    private void prune(Deque<Instant> times) {
        prune(times, window);
    }

    private void prune(Deque<Instant> times, Duration window) {
        Instant horizon = clock.instant().minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
            times.removeFirst();
        }
    }
}
