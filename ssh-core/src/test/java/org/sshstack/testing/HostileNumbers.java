package org.sshstack.testing;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Replacement values for structural fuzzing of key components: 0, 1, -1, a given modulus, and huge numbers. */
public final class HostileNumbers {

    private HostileNumbers() {
    }

    /**
     * @param original the component being replaced
     * @param modulus a related modulus (p, n or a curve order) to substitute, or null
     * @return the hostile values, in a fixed order
     */
    public static List<BigInteger> forComponent(BigInteger original, BigInteger modulus) {
        List<BigInteger> values = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO,
                BigInteger.ONE.negate(), original.add(BigInteger.ONE), original.subtract(BigInteger.ONE),
                original.negate(), BigInteger.ONE.shiftLeft(4000).add(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(16000).subtract(BigInteger.ONE)));
        if (modulus != null) {
            values.add(modulus);
            values.add(modulus.add(BigInteger.ONE));
        }
        return values;
    }
}
