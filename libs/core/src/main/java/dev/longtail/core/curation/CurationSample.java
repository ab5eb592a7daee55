package dev.longtail.core.curation;

/** One sample to curate: an id the caller chooses, and the instruction, optional input and output texts. */
public record CurationSample(String id, String instruction, String input, String output) {

    /** Validates that the sample has an id; texts may be null (treated as empty). */
    public CurationSample {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a sample needs an id");
        }
    }

    /** The text that duplicate detection compares: instruction, input and output, one per line. */
    public String fullText() {
        StringBuilder sb = new StringBuilder();
        for (String part : new String[] {instruction, input, output}) {
            if (part != null && !part.isBlank()) {
                if (sb.length() > 0) {
                    sb.append('\n');
                }
                sb.append(part);
            }
        }
        return sb.toString();
    }
}
