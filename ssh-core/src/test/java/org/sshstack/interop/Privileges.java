package org.sshstack.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether the tests run as root (CI) or as a normal user (a laptop). */
final class Privileges {

    private Privileges() {
    }

    /** @return true when this JVM runs with uid 0 */
    static boolean isRoot() {
        try {
            // /proc/self belongs to the process's uid
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
