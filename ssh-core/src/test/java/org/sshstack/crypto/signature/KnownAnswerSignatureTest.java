package org.sshstack.crypto.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sshstack.wire.SshReader;

/** Known-answer tests: RFC 8032 §7.1 (Ed25519) and RFC 6979 A.2.5-A.2.7 (deterministic ECDSA), through the SSH blob. */
class KnownAnswerSignatureTest {

    private static final HexFormat HEX = HexFormat.of();

    @ParameterizedTest(name = "RFC 8032 {0}")
    @CsvSource({
        "TEST 1, 9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60,"
                + " d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a, '',"
                + " e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
        "TEST 2, 4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb,"
                + " 3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c, 72,"
                + " 92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
        "TEST 3, c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7,"
                + " fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025, af82,"
                + " 6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a",
        "TEST SHA(abc), 833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42,"
                + " ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf,"
                + " ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f,"
                + " dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b58909351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704"
    })
    void ed25519MatchesRfc8032(String name, String secret, String pub, String message, String signature)
            throws Exception {
        KeyFactory factory = KeyFactory.getInstance("Ed25519");
        PrivateKey privateKey = factory.generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, HEX.parseHex(secret)));
        PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(HEX.parseHex("302a300506032b6570032100" + pub)));
        byte[] data = HEX.parseHex(message);
        SignatureAlgorithm ed25519 = SignatureAlgorithms.require("ssh-ed25519");

        byte[] blob = ed25519.sign(privateKey, data, new SecureRandom());

        SshReader reader = new SshReader(blob); // RFC 8709 §6: string "ssh-ed25519", string signature[64]
        assertThat(reader.readAscii()).isEqualTo("ssh-ed25519");
        assertThat(HEX.formatHex(reader.readString())).isEqualTo(signature);
        reader.expectEnd();
        assertThat(ed25519.verify(publicKey, data, blob)).isTrue();
    }

    @ParameterizedTest(name = "RFC 6979 {0} {1} \"{2}\"")
    @CsvSource({
        // A.2.5: P-256 with SHA-256
        "nistp256, secp256r1, sample, C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721,"
                + " 60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6,"
                + " 7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299,"
                + " EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716,"
                + " F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8",
        "nistp256, secp256r1, test, C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721,"
                + " 60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6,"
                + " 7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299,"
                + " F1ABB023518351CD71D881567B1EA663ED3EFCF6C5132B354F28D3B0B7D38367,"
                + " 019F4113742A2B14BD25926B49C649155F267E60D3814B4C0CC84250E46F0083",
        // A.2.6: P-384 with SHA-384
        "nistp384, secp384r1, sample,"
                + " 6B9D3DAD2E1B8C1C05B19875B6659F4DE23C3B667BF297BA9AA47740787137D896D5724E4C70A825F872C9EA60D2EDF5,"
                + " EC3A4E415B4E19A4568618029F427FA5DA9A8BC4AE92E02E06AAE5286B300C64DEF8F0EA9055866064A254515480BC13,"
                + " 8015D9B72D7D57244EA8EF9AC0C621896708A59367F9DFB9F54CA84B3F1C9DB1288B231C3AE0D4FE7344FD2533264720,"
                + " 94EDBB92A5ECB8AAD4736E56C691916B3F88140666CE9FA73D64C4EA95AD133C81A648152E44ACF96E36DD1E80FABE46,"
                + " 99EF4AEB15F178CEA1FE40DB2603138F130E740A19624526203B6351D0A3A94FA329C145786E679E7B82C71A38628AC8",
        "nistp384, secp384r1, test,"
                + " 6B9D3DAD2E1B8C1C05B19875B6659F4DE23C3B667BF297BA9AA47740787137D896D5724E4C70A825F872C9EA60D2EDF5,"
                + " EC3A4E415B4E19A4568618029F427FA5DA9A8BC4AE92E02E06AAE5286B300C64DEF8F0EA9055866064A254515480BC13,"
                + " 8015D9B72D7D57244EA8EF9AC0C621896708A59367F9DFB9F54CA84B3F1C9DB1288B231C3AE0D4FE7344FD2533264720,"
                + " 8203B63D3C853E8D77227FB377BCF7B7B772E97892A80F36AB775D509D7A5FEB0542A7F0812998DA8F1DD3CA3CF023DB,"
                + " DDD0760448D42D8A43AF45AF836FCE4DE8BE06B485E9B61B827C2F13173923E06A739F040649A667BF3B828246BAA5A5",
        // A.2.7: P-521 with SHA-512
        "nistp521, secp521r1, sample,"
                + " 0FAD06DAA62BA3B25D2FB40133DA757205DE67F5BB0018FEE8C86E1B68C7E75CAA896EB32F1F47C70855836A6D16FCC1466F6D8FBEC67DB89EC0C08B0E996B83538,"
                + " 1894550D0785932E00EAA23B694F213F8C3121F86DC97A04E5A7167DB4E5BCD371123D46E45DB6B5D5370A7F20FB633155D38FFA16D2BD761DCAC474B9A2F5023A4,"
                + " 0493101C962CD4D2FDDF782285E64584139C2F91B47F87FF82354D6630F746A28A0DB25741B5B34A828008B22ACC23F924FAAFBD4D33F81EA66956DFEAA2BFDFCF5,"
                + " 0C328FAFCBD79DD77850370C46325D987CB525569FB63C5D3BC53950E6D4C5F174E25A1EE9017B5D450606ADD152B534931D7D4E8455CC91F9B15BF05EC36E377FA,"
                + " 0617CCE7CF5064806C467F678D3B4080D6F1CC50AF26CA209417308281B68AF282623EAA63E5B5C0723D8B8C37FF0777B1A20F8CCB1DCCC43997F1EE0E44DA4A67A",
        "nistp521, secp521r1, test,"
                + " 0FAD06DAA62BA3B25D2FB40133DA757205DE67F5BB0018FEE8C86E1B68C7E75CAA896EB32F1F47C70855836A6D16FCC1466F6D8FBEC67DB89EC0C08B0E996B83538,"
                + " 1894550D0785932E00EAA23B694F213F8C3121F86DC97A04E5A7167DB4E5BCD371123D46E45DB6B5D5370A7F20FB633155D38FFA16D2BD761DCAC474B9A2F5023A4,"
                + " 0493101C962CD4D2FDDF782285E64584139C2F91B47F87FF82354D6630F746A28A0DB25741B5B34A828008B22ACC23F924FAAFBD4D33F81EA66956DFEAA2BFDFCF5,"
                + " 013E99020ABF5CEE7525D16B69B229652AB6BDF2AFFCAEF38773B4B7D08725F10CDB93482FDCC54EDCEE91ECA4166B2A7C6265EF0CE2BD7051B7CEF945BABD47EE6D,"
                + " 01FBD0013C674AA79CB39849527916CE301C66EA7CE8B80682786AD60F98F7E78A19CA69EFF5C57400E3B3A0AD66CE0978214D13BAF4E9AC60752F7B155E2DE4DCE3"
    })
    void ecdsaMatchesRfc6979(String curve, String secName, String message, String x, String ux, String uy,
            String r, String s) throws Exception {
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec(secName));
        ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
        KeyFactory factory = KeyFactory.getInstance("EC");
        PrivateKey privateKey = factory.generatePrivate(new ECPrivateKeySpec(new BigInteger(x, 16), spec));
        PublicKey publicKey = factory.generatePublic(
                new ECPublicKeySpec(new ECPoint(new BigInteger(ux, 16), new BigInteger(uy, 16)), spec));
        byte[] data = message.getBytes(StandardCharsets.US_ASCII);
        SignatureAlgorithm ecdsa = SignatureAlgorithms.require("ecdsa-sha2-" + curve);

        byte[] blob = ecdsa.sign(privateKey, data, new SecureRandom());

        SshReader outer = new SshReader(blob); // RFC 5656 §3.1.2
        assertThat(outer.readAscii()).isEqualTo("ecdsa-sha2-" + curve);
        SshReader inner = new SshReader(outer.readString());
        outer.expectEnd();
        assertThat(inner.readMpint()).isEqualTo(new BigInteger(r, 16));
        assertThat(inner.readMpint()).isEqualTo(new BigInteger(s, 16));
        inner.expectEnd();
        assertThat(ecdsa.verify(publicKey, data, blob)).isTrue();
        assertThat(ecdsa.sign(privateKey, data, new SecureRandom())).as("deterministic").isEqualTo(blob);
    }
}
