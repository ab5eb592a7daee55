package dev.longtail.bench.corpus;

/** No reference corpus anywhere the locator looks; the message lists the places tried and where to put the file. */
public final class CorpusNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An exception whose message is shown to the user as is. */
    public CorpusNotFoundException(String message) {
        super(message);
    }
}
