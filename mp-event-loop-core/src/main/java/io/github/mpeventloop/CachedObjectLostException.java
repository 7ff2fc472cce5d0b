package io.github.mpeventloop;

/**
 * An event refers to a cached object or proxy whose worker died: the object's state died with it.
 * Cache the object again (or create the proxy again) to go on with a fresh copy.
 */
public class CachedObjectLostException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    CachedObjectLostException(String message) {
        super(message);
    }
}
