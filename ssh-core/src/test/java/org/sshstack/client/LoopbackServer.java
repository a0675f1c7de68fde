package org.sshstack.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import org.sshstack.keys.KeyGenerator;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.server.InteractiveAuthenticator;
import org.sshstack.server.PublicKeyAuthenticator;
import org.sshstack.server.SshServerBuilder;
import org.sshstack.auth.InteractiveQuery;
import org.sshstack.wire.UserauthInfoRequest.Prompt;
import java.util.function.UnaryOperator;
import org.sshstack.server.ServerCommand;
import org.sshstack.server.SshServer;

/**
 * Test support: our SshServer on loopback with a tiny command language ("exit N", "cat", "big N", "hang", "drop", "env X"),
 * a shell that reports its pty, alice/secret and one authorized key; counts the threads it and its client made.
 */
final class LoopbackServer implements AutoCloseable {

    static final SshKeyPair USER_KEY = KeyGenerator.ed25519("user", new SecureRandom());
    static final SshKeyPair HOST_KEY = KeyGenerator.ed25519("host", new SecureRandom());

    final List<Thread> threads = new CopyOnWriteArrayList<>();
    final ThreadFactory factory = r -> {
        Thread t = new Thread(r, "test-ssh-" + threads.size());
        t.setDaemon(true);
        threads.add(t);
        return t;
    };
    final CountDownLatch release = new CountDownLatch(1);
    final ExecutorService executor = Executors.newCachedThreadPool();
    final SshServer server;

    LoopbackServer() throws IOException {
        this(b -> b);
    }

    LoopbackServer(UnaryOperator<SshServerBuilder> setup) throws IOException {
        server = setup.apply(SshServer.builder().hostKey(HOST_KEY).threadFactory(factory).executor(executor)
                .passwordAuthenticator((u, p) -> u.equals("alice") && p.equals("secret"))
                .publicKeyAuthenticator(PublicKeyAuthenticator.authorizedKeys(List.of(USER_KEY.publicKey())))
                .commandHandler(this::run)
                .shellFactory(s -> {
                    s.stdout().write(("pty " + s.pty().map(p -> p.term() + " " + p.columns() + "x" + p.rows())
                            .orElse("none") + "\n").getBytes(StandardCharsets.UTF_8));
                    s.stdin().transferTo(s.stdout());
                    return 0;
                })
                .subsystem("echo", c -> {
                    c.stdout().write(("echo X=" + c.environment().get("X")).getBytes(StandardCharsets.UTF_8));
                    return 0;
                })
                .interactiveAuthenticator(new InteractiveAuthenticator() {
                    @Override
                    public InteractiveQuery challenge(String user) {
                        return new InteractiveQuery("login", "", List.of(new Prompt("Code: ", false)));
                    }

                    @Override
                    public boolean verify(String user, List<String> responses) {
                        return responses.equals(List.of("42"));
                    }
                }))
                .build().start();
    }

    private int run(ServerCommand c) throws Exception {
        String[] words = c.command().split(" ");
        switch (words[0]) {
            case "exit":
                c.stdout().write(("out " + words[1]).getBytes(StandardCharsets.UTF_8));
                c.stderr().write(("err " + words[1]).getBytes(StandardCharsets.UTF_8));
                return Integer.parseInt(words[1]);
            case "cat":
                c.stdin().transferTo(c.stdout());
                return 0;
            case "big":
                int n = Integer.parseInt(words[1]);
                Thread errWriter = factory.newThread(() -> writePattern(c.stderr(), n, 7));
                errWriter.start();
                writePattern(c.stdout(), n, 3);
                errWriter.join();
                return 0;
            case "hang":
                release.await();
                return 0;
            case "drop":
                c.stdout().write("last words".getBytes(StandardCharsets.UTF_8));
                c.stdout().flush();
                server.close(); // the whole server goes away right after the data, with no exit status
                return 0;
            default:
                c.stderr().write("unknown".getBytes(StandardCharsets.UTF_8));
                return 127;
        }
    }

    /** A deterministic byte pattern: byte i is (i * mul + i / 4096). */
    static byte[] pattern(int n, int mul) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * mul + i / 4096);
        }
        return b;
    }

    private static void writePattern(OutputStream out, int n, int mul) {
        try {
            byte[] all = pattern(n, mul);
            for (int at = 0; at < n; at += 50_000) {
                out.write(all, at, Math.min(50_000, n - at));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return server.getPort();
    }

    long liveThreads() {
        return threads.stream().filter(Thread::isAlive).count();
    }

    static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    @Override
    public void close() {
        release.countDown();
        server.close();
        executor.shutdownNow();
    }
}
