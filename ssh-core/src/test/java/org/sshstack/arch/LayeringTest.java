package org.sshstack.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Enforces the package layering of DESIGN.md §3–4: dependencies run downward only, and the engine stays sans-I/O. */
class LayeringTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.sshstack");
    }

    @Test
    void rootDependsOnNothingElseInTheProject() {
        noClasses().that().resideInAPackage("org.sshstack")
                .should().dependOnClassesThat().resideInAnyPackage("org.sshstack.*..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void wireDependsOnlyOnRoot() {
        noClasses().that().resideInAPackage("org.sshstack.wire..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.sshstack.crypto..", "org.sshstack.keys..", "org.sshstack.transport..",
                        "org.sshstack.auth..", "org.sshstack.connection..", "org.sshstack.session..",
                        "org.sshstack.io..", "org.sshstack.sftp..", "org.sshstack.client..",
                        "org.sshstack.server..", "org.sshstack.event..", "org.sshstack.internal..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void cryptoNeverReachesUp() {
        noClasses().that().resideInAPackage("org.sshstack.crypto..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.sshstack.keys..", "org.sshstack.transport..", "org.sshstack.auth..",
                        "org.sshstack.connection..", "org.sshstack.session..", "org.sshstack.io..",
                        "org.sshstack.sftp..", "org.sshstack.client..", "org.sshstack.server..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void keysNeverReachUp() {
        noClasses().that().resideInAPackage("org.sshstack.keys..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.sshstack.transport..", "org.sshstack.auth..", "org.sshstack.connection..",
                        "org.sshstack.session..", "org.sshstack.io..", "org.sshstack.sftp..",
                        "org.sshstack.client..", "org.sshstack.server..")
                .allowEmptyShould(true)
                .check(classes);
    }

    /** DESIGN.md §3: only the SFTP codec ({@code sftp} itself) is sans-I/O; its client and server are not. */
    @Test
    void protocolLayersStaySansIo() {
        noClasses().that().resideInAnyPackage("org.sshstack.transport..", "org.sshstack.auth..",
                        "org.sshstack.connection..", "org.sshstack.session..", "org.sshstack.sftp")
                .should().dependOnClassesThat().resideInAnyPackage("java.net..", "java.nio.channels..",
                        "org.sshstack.client..", "org.sshstack.server..", "org.sshstack.io..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void noJavaSerialization() {
        // SECURITY.md C7 (MINA CVE-2022-45047): nothing is ever deserialized, host keys included.
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.io.ObjectInputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.ObjectOutputStream")
                .check(classes);
    }

    @Test
    void packagesFormNoCycles() {
        slices().matching("org.sshstack.(*)..").should().beFreeOfCycles().check(classes);
    }
}
