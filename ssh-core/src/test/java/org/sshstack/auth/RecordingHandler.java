package org.sshstack.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sshstack.keys.SshPublicKey;
import org.sshstack.keys.VerifiedCertificate;

/** A configurable {@link ServerAuthHandler} that records every call. */
class RecordingHandler implements ServerAuthHandler {

    List<String> allowed = List.of("publickey", "password", "keyboard-interactive");
    Map<String, AuthStatus> passwords = Map.of("secret", AuthStatus.SUCCESSFUL);
    Set<SshPublicKey> acceptedKeys = Set.of();
    AuthStatus keyStatus = AuthStatus.SUCCESSFUL;
    AuthStatus noneStatus = AuthStatus.FAILED;
    final List<String> calls = new ArrayList<>();
    final List<SshPublicKey> checkedKeys = new ArrayList<>();
    final List<VerifiedCertificate> checkedCertificates = new ArrayList<>();

    @Override
    public List<String> allowedAuths(String username) {
        return allowed;
    }

    @Override
    public AuthStatus checkAuthNone(String username) {
        calls.add("none");
        return noneStatus;
    }

    @Override
    public AuthStatus checkAuthPassword(String username, String password) {
        calls.add("password");
        return passwords.getOrDefault(password, AuthStatus.FAILED);
    }

    @Override
    public AuthStatus checkAuthPasswordChange(String username, String oldPassword, String newPassword) {
        calls.add("change");
        return "expired".equals(oldPassword) && "fresh".equals(newPassword) ? AuthStatus.SUCCESSFUL
                : AuthStatus.FAILED;
    }

    @Override
    public boolean isPublicKeyAcceptable(String username, SshPublicKey key) {
        calls.add("query");
        return acceptedKeys.contains(key);
    }

    @Override
    public AuthStatus checkAuthPublicKey(String username, SshPublicKey key) {
        calls.add("publickey");
        checkedKeys.add(key);
        return acceptedKeys.contains(key) ? keyStatus : AuthStatus.FAILED;
    }

    @Override
    public AuthStatus checkAuthCertificate(String username, VerifiedCertificate certificate) {
        calls.add("certificate");
        checkedCertificates.add(certificate);
        return keyStatus;
    }
}
