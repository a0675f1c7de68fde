package org.sshstack.keys.authorizedkeys;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The options of one authorized_keys line, typed (sshd(8) AUTHORIZED_KEYS FILE FORMAT).
 *
 * @param certAuthority {@code cert-authority}: the key is a CA trusted for user certificates
 * @param command {@code command="..."}: the forced command
 * @param environment {@code environment="NAME=value"} entries, in order
 * @param expiryTime {@code expiry-time}: the key is refused at and after this instant (earliest if repeated)
 * @param from {@code from="pattern-list"}: patterns the client host name or address must match (see
 *     {@link FromPatterns}); empty when absent
 * @param permitOpen {@code permitopen} destinations; empty when absent (no restriction)
 * @param permitListen {@code permitlisten} listeners; empty when absent (no restriction)
 * @param principals {@code principals="a,b"} for a cert-authority line
 * @param tunnel {@code tunnel="n"}: the forced tun device
 * @param restrict whether {@code restrict} was given
 * @param noTouchRequired {@code no-touch-required}
 * @param verifyRequired {@code verify-required}
 * @param permissions the effective permissions after all flags were applied in order
 */
public record AuthorizedKeyOptions(boolean certAuthority, Optional<String> command, List<String> environment,
        Optional<Instant> expiryTime, List<String> from, List<ForwardTarget> permitOpen,
        List<ForwardTarget> permitListen, Optional<List<String>> principals, OptionalInt tunnel, boolean restrict,
        boolean noTouchRequired, boolean verifyRequired, KeyPermissions permissions) {

    /** No options at all. */
    public static final AuthorizedKeyOptions NONE = new AuthorizedKeyOptions(false, Optional.empty(), List.of(),
            Optional.empty(), List.of(), List.of(), List.of(), Optional.empty(), OptionalInt.empty(), false, false,
            false, KeyPermissions.UNRESTRICTED);

    /** Copies the lists. */
    public AuthorizedKeyOptions {
        environment = List.copyOf(environment);
        from = List.copyOf(from);
        permitOpen = List.copyOf(permitOpen);
        permitListen = List.copyOf(permitListen);
        principals = principals.map(List::copyOf);
    }

    /**
     * @param now the current time
     * @return true if an {@code expiry-time} is set and has passed
     */
    public boolean expired(Instant now) {
        return expiryTime.isPresent() && !now.isBefore(expiryTime.get());
    }
}
