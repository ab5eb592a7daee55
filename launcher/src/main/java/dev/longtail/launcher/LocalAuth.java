package dev.longtail.launcher;

import dev.longtail.support.auth.Roles;
import dev.longtail.support.auth.TokenKeys;
import dev.longtail.support.auth.TokenMinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The local stack's token keys and tokens: a key pair made anew at each start in {@code .longtail/keys} (the
 * services verify with its public key; the evaluator signs its downstream Jobs' tokens with the private key), an
 * admin token for the launcher's own calls, a client token for the user, and the evolver's service token. A token
 * is worth nothing once the stack that made its key stops, so they are long-lived.
 */
final class LocalAuth {

    static final Duration TOKEN_LIFETIME = Duration.ofDays(30);

    private final Path directory;
    private final Instant expiresAt;
    private final String adminToken;
    private final String clientToken;
    private final String serviceToken;

    private LocalAuth(Path directory, TokenMinter minter) {
        this.directory = directory;
        this.expiresAt = Instant.now().plus(TOKEN_LIFETIME);
        this.adminToken = minter.mint("longtail-launcher", Set.of(Roles.ADMIN), TOKEN_LIFETIME);
        this.clientToken = minter.mint("longtail-user", Set.of(Roles.CLIENT), TOKEN_LIFETIME);
        this.serviceToken = minter.mint("evolver-service", Set.of(Roles.CLIENT), TOKEN_LIFETIME);
    }

    /** Makes a new key pair in {@code directory} (replacing the previous run's) and the tokens of this run. */
    static LocalAuth create(Path directory) {
        var keys = TokenKeys.generate();
        TokenKeys.write(keys, directory);
        return new LocalAuth(directory, TokenMinter.of(keys.getPrivate()));
    }

    Path publicKey() {
        return directory.resolve(TokenKeys.PUBLIC_KEY_FILE);
    }

    Path privateKey() {
        return directory.resolve(TokenKeys.PRIVATE_KEY_FILE);
    }

    String adminToken() {
        return adminToken;
    }

    String clientToken() {
        return clientToken;
    }

    /** What the evolver sends to the generator and the evaluator (longtail.auth.service-token). */
    String serviceToken() {
        return serviceToken;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    /** {@code export LONGTAIL_TOKEN=...} and {@code LONGTAIL_ADMIN_TOKEN}, for {@code source FILE}. */
    void writeEnvFile(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "export LONGTAIL_TOKEN=" + clientToken + "\nexport LONGTAIL_ADMIN_TOKEN=" + adminToken
                    + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
