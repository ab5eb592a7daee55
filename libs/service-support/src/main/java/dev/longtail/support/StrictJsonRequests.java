package dev.longtail.support;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The JSON mapper of every service's REST API (server side only): the application's mapper, made strict about what
 * a client sends, so that a body with an unknown field, a value of the wrong JSON type or text after the JSON is a
 * 400 problem ({@link ProblemMappers}) rather than silently half-read. REST clients and Kafka consumers keep the
 * lenient mapper: a newer peer's extra field must not break them.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public class StrictJsonRequests implements ContextResolver<ObjectMapper> {

    private final ObjectMapper lenient;
    private final ObjectMapper strict;

    public StrictJsonRequests(ObjectMapper application) {
        this.lenient = application;
        this.strict = strict(application);
    }

    /**
     * A copy of {@code mapper} that fails on unknown fields, trailing text, nulls for primitives, numbers for enums,
     * any conversion between JSON's scalar types, and text holding NUL (which no PostgreSQL text column stores).
     */
    public static ObjectMapper strict(ObjectMapper mapper) {
        ObjectMapper strict = mapper.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .registerModule(new SimpleModule("text-without-nul").addDeserializer(String.class, new TextWithoutNul()));
        strict.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        // "12" is not a number and 12 is not a text: no silent conversion between JSON's scalar types
        for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean}) {
            strict.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        strict.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return strict;
    }

    /** JSON text as Jackson reads it, refused when it holds a NUL character. */
    private static final class TextWithoutNul extends StdScalarDeserializer<String> {

        TextWithoutNul() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && text.indexOf('\u0000') >= 0) {
                throw InvalidFormatException.from(parser, "text must not hold a NUL character (\\u0000)", text,
                        String.class);
            }
            return text;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return type != null && type.isAnnotationPresent(LenientJson.class) ? lenient : strict;
    }
}
