/**
 * Spring Boot auto-configuration of the {@link io.github.mpeventloop.EventLoop}: its properties, lifecycle, output handlers and customizers.
 */
@NullMarked
package io.github.mpeventloop.autoconfigure;

import org.jspecify.annotations.NullMarked;
