package dev.longtail.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a request type of a foreign protocol (OpenAI's) that is read with Jackson's usual leniency rather than
 * {@link StrictJsonRequests}: that protocol's clients send numbers for flags and fields it never defined, and its
 * endpoints answer in their own error shape.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface LenientJson {
}
