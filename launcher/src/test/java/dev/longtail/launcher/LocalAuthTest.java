package dev.longtail.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longtail.support.auth.TokenKeys;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local stack's keys and tokens, and {@code longtail token}: tokens the services' verification accepts. */
class LocalAuthTest {

    @TempDir
    Path folder;

    @Test
    void shouldWriteAKeyPairWhosePublicKeyVerifiesTheRunsTokens() throws Exception {
        LocalAuth auth = LocalAuth.create(folder.resolve("keys"));
        PublicKey publicKey = readPublicKey(auth.publicKey());

        assertEquals(List.of("admin"), verify(auth.adminToken(), publicKey).getStringListClaimValue("groups"));
        assertEquals(List.of("client"), verify(auth.clientToken(), publicKey).getStringListClaimValue("groups"));
        assertEquals("evolver-service", verify(auth.serviceToken(), publicKey).getSubject());
        assertTrue(Files.isRegularFile(auth.privateKey()));
    }

    @Test
    void shouldMakeANewKeyPairAtEachStart() throws Exception {
        LocalAuth first = LocalAuth.create(folder.resolve("keys"));
        LocalAuth second = LocalAuth.create(folder.resolve("keys"));

        assertThrows(InvalidJwtException.class, () -> verify(first.adminToken(), readPublicKey(second.publicKey())));
    }

    @Test
    void shouldWriteTheTokensAsShellExports() throws Exception {
        LocalAuth auth = LocalAuth.create(folder.resolve("keys"));
        Path env = folder.resolve("run").resolve("tokens.env");
        auth.writeEnvFile(env);

        assertEquals(List.of("export LONGTAIL_TOKEN=" + auth.clientToken(), "export LONGTAIL_ADMIN_TOKEN=" + auth.adminToken()),
                Files.readAllLines(env));
    }

    @Test
    void shouldMintATokenWithAnOperatorsKey() throws Exception {
        var keys = TokenKeys.generate();
        TokenKeys.write(keys, folder);
        var out = new ByteArrayOutputStream();
        int code = new LongtailCli(new PrintStream(out, true, StandardCharsets.UTF_8), false).run(List.of("token", "--key",
                folder.resolve(TokenKeys.PRIVATE_KEY_FILE).toString(), "--role", "client", "--subject", "team-data",
                "--lifetime", "30d", "--kid", "k1"));

        assertEquals(LongtailCli.OK, code);
        JwtClaims claims = verify(out.toString(StandardCharsets.UTF_8).trim(), keys.getPublic());
        assertEquals("team-data", claims.getSubject());
        assertEquals(List.of("client"), claims.getStringListClaimValue("groups"));
        long days = (claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()) / 86_400;
        assertEquals(30, days);
    }

    @Test
    void shouldRefuseATokenWithoutAKnownRole() {
        var err = new ByteArrayOutputStream();
        var cli = new LongtailCli(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(LongtailCli.USAGE, cli.run(List.of("token", "--key", "k.pem", "--role", "root")));
        } finally {
            System.setErr(original);
        }
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--role"));
    }

    private static JwtClaims verify(String token, PublicKey key) throws InvalidJwtException {
        return new JwtConsumerBuilder().setVerificationKey(key).setExpectedIssuer("longtail").setRequireExpirationTime()
                .build().processToClaims(token);
    }

    private static PublicKey readPublicKey(Path pem) throws Exception {
        String base64 = Files.readString(pem).replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
