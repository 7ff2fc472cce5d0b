package io.github.mpeventloop.beans;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The renderer's settings, from {@code application.yml} (and the "beans" profile's file). */
@ConfigurationProperties("render")
public record RenderProperties(String palette, int scale, String label) {
}
