package com.tabletalk.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.tabletalk.testing.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The error codes a client can meet, in the contract fixture that the web app's tests read: a new code in
 * {@link ErrorCode} fails here until the fixture is rewritten, so the web app learns of it in the same change.
 */
class ErrorCodesContractTest {

    private static final Path FIXTURE =
            ProjectFiles.root().resolve("tabletalk-api/src/test/resources/contract/error-codes.json");

    @Test
    void theFixtureListsEveryErrorCodeInOrder() throws IOException {
        String expected = Arrays.stream(ErrorCode.values())
                .map(code -> "  \"" + code.wireName() + "\"")
                .collect(Collectors.joining(",\n", "[\n", "\n]\n"));
        if (Boolean.getBoolean("contract.write")) {
            Files.writeString(FIXTURE, expected, StandardCharsets.UTF_8);
        }

        String written = Files.isRegularFile(FIXTURE) ? Files.readString(FIXTURE, StandardCharsets.UTF_8) : "";

        assertThat(written)
                .as(
                        "%s is out of date; rewrite it with mvn -pl tabletalk-api test -Dtest=ErrorCodesContractTest"
                                + " -Dcontract.write=true and update the web app's list of codes",
                        ProjectFiles.root().relativize(FIXTURE))
                .isEqualTo(expected);
    }
}
