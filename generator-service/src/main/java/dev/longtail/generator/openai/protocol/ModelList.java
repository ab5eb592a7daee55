package dev.longtail.generator.openai.protocol;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET /v1/models}: the models a server serves. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelList(String object, List<Model> data) {

    /** One model: its id is what requests pass as {@code model}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Model(String id, String object, long created, @JsonProperty("owned_by") String ownedBy) {
    }

    /** The list of one model. */
    public static ModelList of(String id, String ownedBy) {
        return new ModelList("list", List.of(new Model(id, "model", 0, ownedBy)));
    }
}
