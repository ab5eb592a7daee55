package dev.longtail.core.evolution;

/**
 * A language model behind a chat endpoint, as the LLM form of the operators and the information-gain judge see it:
 * one user message in, the assistant's reply out. The service supplies it (an OpenAI-compatible client); the
 * science stays testable with a scripted one.
 */
public interface ChatModel {

    /** The reply to one user message, sampled with the given random seed where the backend honours one. */
    String reply(String prompt, long randomSeed);

    /** A backend failure (unreachable, an error status, no choice in the answer): the evolution attempt fails. */
    final class ChatFailure extends RuntimeException {

        public ChatFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
