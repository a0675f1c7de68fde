package org.sshstack.server.hostile;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.sshstack.auth.InteractiveQuery;
import org.sshstack.keys.KeyGenerator;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.server.InteractiveAuthenticator;
import org.sshstack.server.SshServer;
import org.sshstack.server.SshServerBuilder;
import org.sshstack.testing.TestKeys;
import org.sshstack.wire.UserauthInfoRequest.Prompt;

/**
 * Test support: the real {@link SshServer} on loopback for hostile-client tests. Users: alice/secret (password) and
 * keyboard-interactive "Code: 42"; every exec, shell and subsystem is recorded (the oracle for "no side effect");
 * its threads record uncaught exceptions; its clock is {@link #now}, moved only by the test.
 */
final class HostileServer implements AutoCloseable {

    private static final SshKeyPair HOST_KEY = KeyGenerator.ed25519("host", TestKeys.seeded(7));

    /** The server's clock in nanoseconds; starts at an arbitrary value. */
    final AtomicLong now = new AtomicLong(5_000_000_000L);
    /** Every command, shell or subsystem the server started (must stay empty before authentication). */
    final List<String> started = new CopyOnWriteArrayList<>();
    /** Every exception that escaped a server thread. */
    final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    final SshServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final AtomicInteger threadCount = new AtomicInteger();

    HostileServer() throws IOException {
        this(b -> b);
    }

    HostileServer(UnaryOperator<SshServerBuilder> setup) throws IOException {
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "hostile-server-" + threadCount.incrementAndGet());
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
            return t;
        };
        server = setup.apply(SshServer.builder().hostKey(HOST_KEY).executor(executor).threadFactory(threads)
                .clock(now::get)
                .passwordAuthenticator((u, p) -> u.equals("alice") && p.equals("secret"))
                .interactiveAuthenticator(interactive(user -> new InteractiveQuery("login", "",
                        List.of(new Prompt("Code: ", false))), answers -> answers.equals(List.of("42"))))
                .commandHandler(c -> record("exec " + c.command()))
                .shellFactory(c -> record("shell"))
                .subsystem("sftp", c -> record("subsystem sftp")))
                .build().start();
    }

    /** @return an authenticator made of two functions: the challenge, and the verdict on the answers */
    static InteractiveAuthenticator interactive(Function<String, InteractiveQuery> challenge,
            Predicate<List<String>> verify) {
        return new InteractiveAuthenticator() {
            @Override
            public InteractiveQuery challenge(String user) {
                return challenge.apply(user);
            }

            @Override
            public boolean verify(String user, List<String> responses) {
                return verify.test(responses);
            }
        };
    }

    private int record(String what) {
        started.add(what);
        return 0;
    }

    /** @return a new hostile client connected to this server */
    RawClient connect() throws IOException {
        return new RawClient(server.getPort());
    }

    @Override
    public void close() {
        server.close();
        executor.shutdownNow();
    }
}
