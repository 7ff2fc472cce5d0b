package io.github.mpeventloop.beans;

import org.springframework.stereotype.Component;

/** Another bean the renderer depends on. */
@Component
public class Shades {

    public String shade(String palette, int level) {
        return palette + "-" + level;
    }
}
