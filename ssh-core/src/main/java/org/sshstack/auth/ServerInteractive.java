package org.sshstack.auth;

import java.util.List;

/** Fail-closed calls into {@link ServerAuthHandler} that return more than a status (SECURITY.md A6). */
final class ServerInteractive {

    private ServerInteractive() {
    }

    static InteractiveStep start(ServerAuthHandler handler, String user, String submethods) {
        try {
            return orFailed(handler.checkAuthInteractive(user, submethods));
        } catch (RuntimeException e) {
            return InteractiveStep.done(AuthStatus.FAILED);
        }
    }

    static InteractiveStep respond(ServerAuthHandler handler, String user, List<String> responses) {
        try {
            return orFailed(handler.checkAuthInteractiveResponse(user, responses));
        } catch (RuntimeException e) {
            return InteractiveStep.done(AuthStatus.FAILED);
        }
    }

    static List<String> allowedAuths(ServerAuthHandler handler, String user) {
        try {
            List<String> names = handler.allowedAuths(user);
            return names == null ? List.of() : names.stream()
                    .filter(n -> n != null && !n.isEmpty() && n.length() <= 64 && n.chars().allMatch(
                            c -> c > 0x20 && c < 0x7f && c != ','))
                    .toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    static String promptOrDefault(ServerAuthHandler handler, String user) {
        try {
            String prompt = handler.passwordChangePrompt(user);
            return prompt == null ? "" : prompt;
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static InteractiveStep orFailed(InteractiveStep step) {
        return step == null ? InteractiveStep.done(AuthStatus.FAILED) : step;
    }
}
