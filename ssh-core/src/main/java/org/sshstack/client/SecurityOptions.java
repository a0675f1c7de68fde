package org.sshstack.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sshstack.transport.AlgorithmPreferences;
import org.sshstack.transport.Role;

/**
 * The algorithm lists a {@link Transport} offers in its next negotiation (paramiko's {@code SecurityOptions}):
 * ordered lists of ciphers, MACs, host key types, key exchange methods and compression, most preferred first.
 *
 * <p>Every setter validates the names as {@link AlgorithmPreferences} does (known to sshstack, insecure names only
 * when named explicitly, no duplicates, not empty) and throws {@link IllegalArgumentException} otherwise, leaving
 * the options unchanged. Until a list is set, a transport offers its role's defaults for it. The lists are read when
 * the transport starts; a change on a running transport applies to its next key exchange (RFC 4253 §9: each exchange
 * negotiates afresh), whoever starts it ({@link Transport#renegotiateKeys()}, a rekey limit or the peer); an exchange
 * already running keeps its lists. Thread-safe: each setter replaces one list at once.
 */
public final class SecurityOptions {

    private volatile List<String> ciphers;
    private volatile List<String> macs;
    private volatile List<String> keyTypes;
    private volatile List<String> kex;
    private volatile List<String> compression;
    private volatile Runnable changed = () -> { };

    SecurityOptions() {
    }

    /** @return the ciphers offered, most preferred first (the client defaults until set) */
    public List<String> getCiphers() {
        return ciphers != null ? ciphers : AlgorithmPreferences.clientDefaults().ciphers();
    }

    /** @return the MACs ("digests" in paramiko) offered, most preferred first */
    public List<String> getDigests() {
        return macs != null ? macs : AlgorithmPreferences.clientDefaults().macs();
    }

    /** @return the host key algorithms offered, most preferred first */
    public List<String> getKeyTypes() {
        return keyTypes != null ? keyTypes : AlgorithmPreferences.clientDefaults().hostKeys();
    }

    /** @return the key exchange methods offered, most preferred first */
    public List<String> getKex() {
        return kex != null ? kex : AlgorithmPreferences.clientDefaults().kex();
    }

    /** @return the compression algorithms offered, most preferred first */
    public List<String> getCompression() {
        return compression != null ? compression : AlgorithmPreferences.clientDefaults().compression();
    }

    /**
     * @param names ciphers, most preferred first
     * @throws IllegalArgumentException if the list is empty, repeats a name or holds an unknown name
     */
    public void setCiphers(List<String> names) {
        ciphers = builder().ciphers(array(names)).build().ciphers();
        changed.run();
    }

    /**
     * @param names MACs, most preferred first
     * @throws IllegalArgumentException if the list is empty, repeats a name or holds an unknown name
     */
    public void setDigests(List<String> names) {
        macs = builder().macs(array(names)).build().macs();
        changed.run();
    }

    /**
     * @param names host key algorithms, most preferred first
     * @throws IllegalArgumentException if the list is empty, repeats a name or holds an unknown name, or (a running
     *     server) none of its host keys fits any of them: the list is set, but the running connection keeps its own
     */
    public void setKeyTypes(List<String> names) {
        keyTypes = builder().hostKeys(array(names)).build().hostKeys();
        changed.run();
    }

    /**
     * @param names key exchange methods, most preferred first
     * @throws IllegalArgumentException if the list is empty, repeats a name or holds an unknown name
     */
    public void setKex(List<String> names) {
        kex = builder().kex(array(names)).build().kex();
        changed.run();
    }

    /**
     * @param names compression algorithms, most preferred first
     * @throws IllegalArgumentException if the list is empty, repeats a name or holds an unknown name
     */
    public void setCompression(List<String> names) {
        compression = builder().compression(array(names)).build().compression();
        changed.run();
    }

    /** @param action run after every change (a started transport pushes the lists to its engine) */
    void onChange(Runnable action) {
        changed = action;
    }

    /** @return true once the key exchange list was set explicitly */
    boolean kexSet() {
        return kex != null;
    }

    /**
     * The preferences for a role: the lists set here, the role's defaults for the others.
     *
     * @param role the side
     * @param extraKex methods appended to the default kex list when it was not set (e.g. group exchange)
     * @return the preferences
     */
    AlgorithmPreferences toPreferences(Role role, List<String> extraKex) {
        AlgorithmPreferences d = AlgorithmPreferences.defaults(role);
        List<String> kexNames = kex;
        if (kexNames == null) {
            kexNames = new ArrayList<>(d.kex());
            for (String name : extraKex) {
                if (!kexNames.contains(name)) {
                    kexNames.add(name);
                }
            }
        }
        return new AlgorithmPreferences(kexNames, keyTypes != null ? keyTypes : d.hostKeys(),
                ciphers != null ? ciphers : d.ciphers(), macs != null ? macs : d.macs(),
                compression != null ? compression : d.compression());
    }

    /** A builder whose other lists are valid, so building checks only the list replaced. */
    private static AlgorithmPreferences.Builder builder() {
        return AlgorithmPreferences.builder(Role.CLIENT);
    }

    private static String[] array(List<String> names) {
        return Objects.requireNonNull(names, "names").toArray(String[]::new);
    }

    @Override
    public String toString() {
        return "SecurityOptions[kex=" + getKex() + ", keyTypes=" + getKeyTypes() + ", ciphers=" + getCiphers()
                + ", digests=" + getDigests() + ", compression=" + getCompression() + "]";
    }
}
