package org.sshstack.interop;

import org.opentest4j.TestAbortedException;

/**
 * The login rows of the interop matrix for one peer ({@link InteropReport}): each check records "pass",
 * "skipped" or "FAIL: ..." (and rethrows), and {@link #write()} writes the rows once the test class is done.
 */
final class LoginMatrix {

    /** One login check. */
    @FunctionalInterface
    interface Check {

        /** Runs the check; throws when it fails. */
        void run() throws Exception;
    }

    private final InteropReport report;

    /** @param peer the peer's name and version, e.g. "dropbear 2022.83 logins" */
    LoginMatrix(String peer) {
        this.report = new InteropReport(peer);
    }

    /**
     * Runs a check and records its result.
     *
     * @param method the authentication method, e.g. "password"
     * @param detail what was used, e.g. "ecdsa384 ppk encrypted"
     * @param check the check
     */
    void check(String method, String detail, Check check) throws Exception {
        try {
            check.run();
            report.row(method, detail, "pass");
        } catch (TestAbortedException e) {
            report.row(method, detail, "skipped: " + e.getMessage());
            throw e;
        } catch (Exception | AssertionError e) {
            report.row(method, detail, "FAIL: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            throw e;
        }
    }

    /** Prints the rows and writes the peer's matrix file. */
    void write() {
        report.write();
    }
}
