package org.sshstack.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which SYMLINK order a peer gets, and how each order puts the two paths on the wire and reads them back. */
class SymlinkArgumentOrderTest {

    @Test
    void onlyAsyncSshGetsTheDraftOrder() {
        assertThat(SymlinkArgumentOrder.forPeer("SSH-2.0-AsyncSSH_2.10.1")).isEqualTo(SymlinkArgumentOrder.DRAFT);
        assertThat(SymlinkArgumentOrder.forPeer("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3"))
                .isEqualTo(SymlinkArgumentOrder.OPENSSH);
        assertThat(SymlinkArgumentOrder.forPeer("SSH-2.0-paramiko_2.12.0")).isEqualTo(SymlinkArgumentOrder.OPENSSH);
        assertThat(SymlinkArgumentOrder.forPeer("SSH-2.0-sshstack_0.1")).isEqualTo(SymlinkArgumentOrder.OPENSSH);
        assertThat(SymlinkArgumentOrder.forPeer("")).isEqualTo(SymlinkArgumentOrder.OPENSSH);
        assertThat(SymlinkArgumentOrder.forPeer(null)).isEqualTo(SymlinkArgumentOrder.OPENSSH);
    }

    @Test
    void openSshSendsTheTargetFirstAndTheDraftTheLink() {
        SymlinkArgumentOrder openSsh = SymlinkArgumentOrder.OPENSSH;
        SymlinkArgumentOrder draft = SymlinkArgumentOrder.DRAFT;
        assertThat(new String[] {openSsh.first("t", "l"), openSsh.second("t", "l"), draft.first("t", "l"),
            draft.second("t", "l")}).containsExactly("t", "l", "l", "t");
        assertThat(new String[] {openSsh.target("t", "l"), openSsh.link("t", "l"), draft.target("l", "t"),
            draft.link("l", "t")}).containsExactly("t", "l", "t", "l");
    }
}
