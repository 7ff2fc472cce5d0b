package io.github.mpeventloop.beans;

/** What to render: the argument that travels. */
public record Spec(int size) {
}
