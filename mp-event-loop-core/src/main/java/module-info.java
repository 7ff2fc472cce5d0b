/**
 * mp-event-loop's core: the API ({@code io.github.mpeventloop}), the SPI for launchers and worker
 * bootstraps ({@code io.github.mpeventloop.spi}, {@code io.github.mpeventloop.spi.bootstrap}) and
 * the worker's entry point ({@code io.github.mpeventloop.worker}). Everything under
 * {@code io.github.mpeventloop.internal} is the implementation and is not exported.
 *
 * <p>On the class path, as in a Spring Boot application, this descriptor is ignored and the
 * architecture tests hold the same line for the project's own modules.
 */
module io.github.mpeventloop.core {
    requires transitive tools.jackson.databind;
    requires org.slf4j;
    requires static transitive org.jspecify;
    requires java.management;
    requires jdk.unsupported;

    exports io.github.mpeventloop;
    exports io.github.mpeventloop.spi;
    exports io.github.mpeventloop.spi.bootstrap;
    exports io.github.mpeventloop.worker;

    uses io.github.mpeventloop.spi.bootstrap.WorkerBootstrap;
}
