package dev.longtail.support.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The RSA key pair that signs (private key) and verifies (public key) Longtail's bearer tokens, as PEM files:
 * {@code publicKey.pem} (what {@code mp.jwt.verify.publickey.location} names) and {@code privateKey.pem} (PKCS#8,
 * what {@code smallrye.jwt.sign.key.location} names). Made by the launcher and the auth tests; never committed.
 */
public final class TokenKeys {

    public static final String PUBLIC_KEY_FILE = "publicKey.pem";
    public static final String PRIVATE_KEY_FILE = "privateKey.pem";
    private static final int RSA_BITS = 2048;

    private TokenKeys() {
    }

    /** A fresh 2048-bit RSA key pair (RS256, the algorithm SmallRye JWT verifies by default). */
    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_BITS);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM cannot make RSA keys", e);
        }
    }

    /** The key as PEM: {@code PUBLIC KEY} (X.509) or {@code PRIVATE KEY} (PKCS#8). */
    public static String pem(Key key) {
        String type = key instanceof PrivateKey ? "PRIVATE KEY" : "PUBLIC KEY";
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    /** Writes both keys into {@code directory}; the private key readable by its owner only where the OS allows. */
    public static void write(KeyPair keys, Path directory) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(PUBLIC_KEY_FILE), pem(keys.getPublic()));
            Path privateKey = directory.resolve(PRIVATE_KEY_FILE);
            Files.deleteIfExists(privateKey);
            Files.createFile(privateKey);
            try {
                Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's own permissions apply
            }
            Files.writeString(privateKey, pem(keys.getPrivate()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the token keys into " + directory, e);
        }
    }

    /** Reads a PKCS#8 {@code PRIVATE KEY} PEM file (as {@link #write} writes it). */
    public static PrivateKey readPrivateKey(Path file) {
        try {
            return privateKey(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the token signing key " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** The RSA private key of a PKCS#8 {@code PRIVATE KEY} PEM text. */
    public static PrivateKey privateKey(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an RSA private key in PKCS#8 PEM", e);
        }
    }
}
