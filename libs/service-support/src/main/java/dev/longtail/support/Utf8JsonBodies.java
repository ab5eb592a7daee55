package dev.longtail.support;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Refuses a JSON request body that is not valid UTF-8 (RFC 8259 requires it) instead of letting the bad bytes become
 * U+FFFD and the request succeed with altered text. The refusal is a malformed-JSON 400, as the endpoint's own
 * error mappers answer one ({@link ProblemMappers}: a problem).
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public class Utf8JsonBodies implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (isJson(context.getMediaType())) {
            // bodies are bounded by quarkus.http.limits.max-body-size and read whole by the JSON reader anyway
            byte[] body = context.getInputStream().readAllBytes();
            try {
                StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body));
            } catch (CharacterCodingException e) {
                throw new WebApplicationException(new JsonParseException((JsonParser) null,
                        "the body is not valid UTF-8 (" + e.getMessage() + ")"), Response.Status.BAD_REQUEST);
            }
            context.setInputStream(new ByteArrayInputStream(body));
        }
        return context.proceed();
    }

    private static boolean isJson(MediaType type) {
        return type != null && (MediaType.APPLICATION_JSON_TYPE.isCompatible(type) || type.getSubtype().endsWith("+json"));
    }
}
