/**
 * The part of the OpenAI HTTP API's JSON that Longtail speaks, as records: what the OpenAI backend sends to a
 * remote server and reads back ({@code openai.client}), and what the generator's own OpenAI-compatible endpoints
 * read and answer ({@code openai.server}). Field names are OpenAI's (snake case on the wire); fields the other side
 * may add are ignored, and optional ones are left out when empty. The request records carry the endpoints' Bean
 * Validation constraints, whose messages are the complete OpenAI error messages.
 */
package dev.longtail.generator.openai.protocol;
