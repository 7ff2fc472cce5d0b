package io.github.mpeventloop.beans;

/** What a render gives back, with the process it ran in and the settings it saw. */
public record Rendered(long pid, String shade, String label) {
}
