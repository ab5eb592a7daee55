package dev.longtail.contracts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.OptBoolean;

/**
 * Marks a record component added to schema version 1 after its release: a record written before it existed
 * still decodes (the value is null), and a null value is left out, so older readers see what they always saw.
 * {@link Events} otherwise insists on every property; an optional inject with the input as source is how Jackson
 * lets one creator property be absent while that check stays on for the rest.
 */
@Retention(RetentionPolicy.RUNTIME)
// the canonical constructor's parameter only: on fields too, Jackson would see several injectables of one type
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@JacksonAnnotationsInside
@JacksonInject(useInput = OptBoolean.TRUE, optional = OptBoolean.TRUE)
@JsonInclude(JsonInclude.Include.NON_NULL)
public @interface AddedProperty {
}
