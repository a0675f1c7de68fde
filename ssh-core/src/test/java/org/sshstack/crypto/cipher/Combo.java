package org.sshstack.crypto.cipher;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.sshstack.SshException;
import org.sshstack.crypto.mac.MacAlgorithm;

/** One cipher × MAC combination with fixed seeded keys, able to make matching sealers and openers. */
record Combo(CipherAlgorithm cipher, MacAlgorithm mac, byte[] key, byte[] iv, byte[] macKey) {

    static List<Combo> all() {
        List<Combo> out = new ArrayList<>();
        for (CipherAlgorithm cipher : CipherAlgorithm.values()) {
            if (cipher.isAead()) {
                out.add(of(cipher, null));
            } else {
                for (MacAlgorithm mac : MacAlgorithm.values()) {
                    out.add(of(cipher, mac));
                }
            }
        }
        return out;
    }

    static Combo of(CipherAlgorithm cipher, MacAlgorithm mac) {
        Random random = new Random(cipher.ordinal() * 31L + (mac == null ? 0 : mac.ordinal() + 1));
        byte[] key = new byte[cipher.keyLength()];
        byte[] iv = new byte[cipher.ivLength()];
        byte[] macKey = mac == null ? null : new byte[mac.keyLength()];
        random.nextBytes(key);
        random.nextBytes(iv);
        if (macKey != null) {
            random.nextBytes(macKey);
        }
        return new Combo(cipher, mac, key, iv, macKey);
    }

    PacketSealer sealer() throws SshException {
        return cipher.newSealer(key, iv, mac, macKey);
    }

    PacketOpener opener() throws SshException {
        return cipher.newOpener(key, iv, mac, macKey);
    }

    @Override
    public String toString() {
        return cipher.wireName() + (mac == null ? "" : " + " + mac.wireName());
    }
}
