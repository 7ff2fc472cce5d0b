package io.github.mpeventloop.sample.fractal;

/**
 * Last message of a render: how it ended.
 *
 * @param renderId the render's id
 * @param outcome {@code FINISHED} when every tile was rendered or failed, {@code CANCELLED} otherwise
 * @param tiles number of tiles of the picture
 * @param rendered tiles rendered
 * @param failed tiles that failed
 * @param retried tiles rendered or failed after more than one attempt
 * @param notSent tiles cancelled before they were sent to the loop
 * @param discarded tiles cancelled while a worker had them: their futures were cancelled and their
 *        results, if they come, are dropped
 * @param millis time from the start of the render
 */
public record RenderSummary(String renderId, Outcome outcome, int tiles, int rendered, int failed, int retried,
        int notSent, int discarded, long millis) {

    /** How a render ended. */
    public enum Outcome {
        /** Every tile was rendered or failed. */
        FINISHED,
        /** The render was cancelled before every tile was in. */
        CANCELLED
    }
}
