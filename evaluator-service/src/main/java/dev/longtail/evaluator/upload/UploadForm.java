package dev.longtail.evaluator.upload;

import jakarta.validation.constraints.NotNull;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The multipart form of POST /api/v1/evaluations: JSONL files, one object per line with {@code text}, or
 * {@code instruction}/{@code input}/{@code output}; optional {@code category}.
 */
public class UploadForm {

    /** The dataset to score. */
    @RestForm("dataset")
    @NotNull(message = "multipart part `dataset` (a JSONL file) is required")
    public FileUpload dataset;

    /** The real data it is scored against. */
    @RestForm("reference")
    @NotNull(message = "multipart part `reference` (a JSONL file) is required")
    public FileUpload reference;

    /** Real data for the perplexity metrics; without it every fifth reference record is held out. */
    @RestForm("heldOut")
    public FileUpload heldOut;
}
