package org.factorysharing.server.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows password guessing down without letting anyone lock a user out. In memory, per node.
 *
 * <ul>
 *   <li><b>Client and user together.</b> After {@code freeFailures} wrong passwords for one user from one client
 *       address, that pair is refused, without the password being checked, for {@code firstDelay}, doubling with each
 *       further failure up to {@code maxDelay}. A successful login clears the pair. Failures from one address never
 *       delay a login of the same user from another address.
 *   <li><b>A ceiling per address</b> across all user names (guessing many users' passwords): a leaky bucket that
 *       holds {@code addressFailures} failures and drains at that many per {@code addressWindow}. When it is full the
 *       address is refused until one failure has drained (by default: 50 failures at once, then one every 12 s).
 *       Successes do not drain it, so one valid account does not buy an address more guesses.
 *   <li><b>Never a lock for good.</b> Every refusal ends by itself: a pair at most {@code maxDelay} after its last
 *       failure, an address within {@code addressWindow / addressFailures}. Requests refused while throttled are not
 *       counted: a client retrying with a stale password is held at one check per {@code maxDelay} and does not push
 *       its address to the ceiling. A pair is forgotten {@code forgetAfter} after its last failure.
 *   <li><b>Bounded memory.</b> At most {@code maxEntries} pairs and as many addresses; the least recently failed are
 *       dropped first (an attacker would need that many fresh addresses to push out a throttled pair).
 * </ul>
 *
 * <p>The client is {@code request.getRemoteAddr()}: an IPv4 address, or the /64 network of an IPv6 address (one
 * host usually holds a whole /64). Behind a reverse proxy that is the proxy's address, and every client would share one
 * ceiling: configure {@code server.forward-headers-strategy} (and the proxy's trusted addresses) so that the servlet
 * container reports the real client. X-Forwarded-For is not trusted by default, as anyone can send it.
 *
 * <p>With several nodes each node counts its own failures, so an attacker who reaches all nodes gets the budget once
 * per node.
 */
public final class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    /** The rules; see the class comment. */
    public record Settings(
            int freeFailures,
            Duration firstDelay,
            Duration maxDelay,
            Duration forgetAfter,
            int addressFailures,
            Duration addressWindow,
            int maxEntries) {

        public Settings {
            if (freeFailures < 0
                    || firstDelay.isNegative()
                    || maxDelay.compareTo(firstDelay) < 0
                    || forgetAfter.compareTo(maxDelay) < 0
                    || addressFailures < 1
                    || addressWindow.isNegative()
                    || addressWindow.isZero()
                    || maxEntries < 1) {
                throw new IllegalArgumentException("inconsistent login throttle settings: " + this);
            }
        }

        public static Settings defaults() {
            return new Settings(
                    5,
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(30),
                    Duration.ofMinutes(15),
                    50,
                    Duration.ofMinutes(10),
                    100_000);
        }
    }

    private record Pair(String client, String user) {}

    private static final class PairState {
        int failures;
        long lastFailure;
        long refusedUntil;
        boolean warned;
    }

    private static final class AddressState {
        double level;
        long updated;
        boolean warned;
    }

    private final Settings settings;
    private final Clock clock;
    /** The time in which one failure drains from an address's bucket. */
    private final double millisPerFailure;

    private final LinkedHashMap<Pair, PairState> pairs = new LinkedHashMap<>();
    private final LinkedHashMap<String, AddressState> addresses = new LinkedHashMap<>();

    public LoginThrottle(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.millisPerFailure = (double) settings.addressWindow().toMillis() / settings.addressFailures();
    }

    /**
     * How long a login of this user from this address is still refused, without checking its password; empty when it
     * may be checked.
     */
    public synchronized Optional<Duration> refusal(String remoteAddress, String user) {
        long now = clock.millis();
        String client = client(remoteAddress);
        long waitMillis = 0;
        PairState pair = pairs.get(new Pair(client, normalised(user)));
        if (pair != null && pair.refusedUntil > now) {
            waitMillis = pair.refusedUntil - now;
        }
        AddressState address = addresses.get(client);
        if (address != null) {
            double level = drained(address, now);
            if (level > settings.addressFailures() - 1) {
                long drainMillis = (long) Math.ceil((level - (settings.addressFailures() - 1)) * millisPerFailure);
                waitMillis = Math.max(waitMillis, drainMillis);
            }
        }
        return waitMillis > 0 ? Optional.of(Duration.ofMillis(waitMillis)) : Optional.empty();
    }

    /** A wrong password (or unknown user) from this address, after it was checked. */
    public synchronized void failed(String remoteAddress, String user) {
        long now = clock.millis();
        String client = client(remoteAddress);
        forgetOld(now);
        Pair key = new Pair(client, normalised(user));
        PairState pair = pairs.remove(key); // re-inserted last: the map runs from least to most recently failed
        if (pair == null || now - pair.lastFailure > settings.forgetAfter().toMillis()) {
            pair = new PairState();
        }
        pair.failures++;
        pair.lastFailure = now;
        if (pair.failures >= settings.freeFailures()) {
            Duration delay = delayAfter(pair.failures);
            pair.refusedUntil = now + delay.toMillis();
            if (!pair.warned) {
                pair.warned = true;
                log.warn(
                        "Login throttled: {} failed logins for user '{}' from {}; further logins of that user from"
                                + " there are refused for {} s, up to {} s after each further failure",
                        pair.failures,
                        printable(user),
                        client,
                        delay.toSeconds(),
                        settings.maxDelay().toSeconds());
            }
        }
        pairs.put(key, pair);

        AddressState address = addresses.remove(client);
        if (address == null) {
            address = new AddressState();
        }
        address.level = drained(address, now) + 1;
        address.updated = now;
        if (address.level > settings.addressFailures() - 1 && !address.warned) {
            address.warned = true;
            log.warn(
                    "Login throttled: {} failed logins from {} within {} min across all user names; logins from there"
                            + " are refused until the count drains (one every {} s)",
                    settings.addressFailures(),
                    client,
                    settings.addressWindow().toMinutes(),
                    Math.round(millisPerFailure / 1000));
        }
        addresses.put(client, address);
        trim(pairs);
        trim(addresses);
    }

    /** A successful login: that user from that address starts afresh (the address's bucket does not). */
    public synchronized void succeeded(String remoteAddress, String user) {
        pairs.remove(new Pair(client(remoteAddress), normalised(user)));
    }

    /** The delay after the n-th failure of a pair (n at least freeFailures): firstDelay doubling, up to maxDelay. */
    Duration delayAfter(int failures) {
        int doublings = Math.min(failures - settings.freeFailures(), 30);
        long millis = settings.firstDelay().toMillis() << doublings;
        return Duration.ofMillis(Math.min(millis, settings.maxDelay().toMillis()));
    }

    synchronized int size() {
        return pairs.size() + addresses.size();
    }

    private double drained(AddressState address, long now) {
        return Math.max(0, address.level - (now - address.updated) / millisPerFailure);
    }

    /** Drops pairs and addresses with nothing left to remember, oldest first (the maps are in failure order). */
    private void forgetOld(long now) {
        for (Iterator<PairState> it = pairs.values().iterator(); it.hasNext(); ) {
            PairState oldest = it.next();
            if (now - oldest.lastFailure <= settings.forgetAfter().toMillis()) {
                break;
            }
            it.remove();
        }
        for (Iterator<AddressState> it = addresses.values().iterator(); it.hasNext(); ) {
            AddressState oldest = it.next();
            if (drained(oldest, now) > 0) {
                break;
            }
            it.remove();
        }
    }

    private <K, V> void trim(LinkedHashMap<K, V> map) {
        for (Iterator<Map.Entry<K, V>> it = map.entrySet().iterator(); map.size() > settings.maxEntries(); ) {
            it.next();
            it.remove();
        }
    }

    /** The client an address counts for: IPv4 as it is, IPv6 by its /64 network. */
    static String client(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return "unknown";
        }
        try {
            if (remoteAddress.indexOf(':') >= 0) {
                // a literal address (the container's getRemoteAddr): no name lookup happens
                InetAddress address = InetAddress.getByName(remoteAddress);
                if (address instanceof Inet6Address) {
                    byte[] bytes = address.getAddress();
                    return String.format(
                            Locale.ROOT,
                            "%02x%02x:%02x%02x:%02x%02x:%02x%02x::/64",
                            bytes[0],
                            bytes[1],
                            bytes[2],
                            bytes[3],
                            bytes[4],
                            bytes[5],
                            bytes[6],
                            bytes[7]);
                }
                return address.getHostAddress(); // an IPv4-mapped IPv6 address
            }
        } catch (UnknownHostException e) {
            // not a literal address: count it as given
        }
        return remoteAddress;
    }

    /** User names as the throttle counts them: case does not make a new pair. */
    private static String normalised(String user) {
        return user == null ? "" : user.toLowerCase(Locale.ROOT);
    }

    /** A user name as typed by anyone, safe for one log line. */
    static String printable(String user) {
        String shown = user == null ? "" : user.replaceAll("\\p{Cntrl}", "?");
        return shown.length() > 64 ? shown.substring(0, 64) + "..." : shown;
    }
}
