package io.github.mpeventloop.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.util.unit.DataSize;

import io.github.mpeventloop.Backend;
import io.github.mpeventloop.EventLoopBuilder;
import io.github.mpeventloop.autoconfigure.MpEventLoopProperties.WhenFull;

/**
 * Applies {@link MpEventLoopProperties} to an {@link EventLoopBuilder}.
 */
final class EventLoopBuilderMapper {

    private final MpEventLoopProperties properties;

    EventLoopBuilderMapper(MpEventLoopProperties properties) {
        this.properties = properties;
    }

    EventLoopBuilder applyTo(EventLoopBuilder builder) {
        PropertyMapper map = PropertyMapper.get();
        MpEventLoopProperties.Queue queue = this.properties.getQueue();
        MpEventLoopProperties.Worker worker = this.properties.getWorker();
        map.from(this.properties::getName).to(builder::name);
        map.from(this.properties::getWorkers).to(builder::workers);
        map.from(this.properties::getBackend).as(EventLoopBuilderMapper::backend).to(builder::backend);
        map.from(this.properties::isHasResults).to(builder::hasResults);
        map.from(queue::getCapacity).to(builder::queueCapacity);
        if (queue.getWhenFull() == WhenFull.REJECT) {
            builder.rejectWhenFull();
        } else {
            map.from(queue::getBlockTimeout).to(builder::blockWhenFull);
        }
        map.from(worker::getJava).whenHasText().to(builder::javaExecutable);
        map.from(worker::getStartTimeout).to(builder::startTimeout);
        map.from(worker::getMaxInFlight).to(builder::maxInFlightPerWorker);
        List<String> jvmOptions = jvmOptions(worker);
        if (!jvmOptions.isEmpty()) {
            builder.jvmOptions(jvmOptions.toArray(String[]::new));
        }
        map.from(worker::getRecycleAfterEvents).to(builder::recycleAfterEvents);
        map.from(worker::getRecycleAboveHeap).as(DataSize::toBytes).to(builder::recycleAboveHeap);
        map.from(this.properties.getEvent()::getTimeout).to(builder::eventTimeout);
        MpEventLoopProperties.Restart restart = this.properties.getRestart();
        builder.restartBudget(restart.isEnabled() ? restart.getMaxRestarts() : 0, restart.getWindow());
        builder.restartBackoff(restart.getInitialBackoff(), restart.getMaxBackoff());
        MpEventLoopProperties.Shutdown shutdown = this.properties.getShutdown();
        map.from(shutdown::getStopTimeout).to(builder::stopTimeout);
        // The lifecycle closes the loop when the JVM exits: the safety net waits for its drain and stop.
        builder.ownerShutdownGrace(shutdown.getDrainTimeout().plus(shutdown.getStopTimeout()).plus(ShutdownPhaseTimeout.MARGIN));
        map.from(this.properties.getFrame()::getMaxSize).as(DataSize::toBytes).as(Math::toIntExact)
            .to(builder::maxFrameBytes);
        MpEventLoopProperties.Frame frame = this.properties.getFrame();
        map.from(frame::getMaxNestingDepth).to(builder::maxNestingDepth);
        map.from(frame::getMaxNumberLength).to(builder::maxNumberLength);
        map.from(frame::getMaxStringLength).to(builder::maxStringLength);
        return builder;
    }

    /** "process" and "thread" are the core's; any other name is a backend module's, which supplies the launcher. */
    static Backend backend(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "process" -> Backend.PROCESS;
            case "thread" -> Backend.THREAD;
            default -> Backend.EXTERNAL;
        };
    }

    /** The configured JVM options, then {@code -Xmx} from the max heap (which, coming last, wins). */
    static List<String> jvmOptions(MpEventLoopProperties.Worker worker) {
        List<String> options = new ArrayList<>(worker.getJvmOptions());
        DataSize maxHeap = worker.getMaxHeap();
        if (maxHeap != null) {
            options.add(xmx(maxHeap));
        }
        return options;
    }

    static String xmx(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return "-Xmx" + size.toMegabytes() + "m";
        }
        if (bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
            return "-Xmx" + size.toKilobytes() + "k";
        }
        return "-Xmx" + bytes;
    }
}
