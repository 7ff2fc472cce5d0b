package io.github.mpeventloop.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.github.mpeventloop.EventLoop;
import io.github.mpeventloop.Proxy;
import io.github.mpeventloop.fixtures.SeedPoint;

/**
 * The seed's {@code tests/test_proxy.py}, on process workers. The seed's {@code PointProxy}
 * mirrors the properties x and y and the getters get_x, get_y and get_z. Its
 * {@code test_proxy_class_loop} has no counterpart: a proxy is always created on a loop given
 * explicitly. Its {@code test_proxy_wait} failed on Python 3.8 and later ({@code time.clock}).
 */
class SeedProxyTest {

    private static final Proxy.Spec<SeedPoint> POINT = Proxy.of(SeedPoint.class)
            .mirroring("x", "y", "getX", "getY", "getZ");

    private static EventLoop loop(String name) {
        return EventLoop.builder().name(name).build().start();
    }

    /** {@code test_proxy}: the constructor's values at once, the call's values once the loop closed. */
    @Test
    void proxy() {
        Proxy<SeedPoint> p;
        try (EventLoop loop = loop("seed-proxy")) {
            p = POINT.create(loop, SeedPoint::new, 0, 0, 0);
            assertThat(p.get("x")).isEqualTo(0);
            assertThat(p.get("y")).isEqualTo(0);
            p.run(SeedPoint::move, 1, 2);
        }
        assertThat(p.get("x")).isEqualTo(1);
        assertThat(p.get("y")).isEqualTo(2);
        assertThat(p.get("getX")).isEqualTo(1);
    }

    /** {@code test_proxy_alt_args}: constructor arguments are mirrored right after {@code create}. */
    @Test
    void proxyAltArgs() {
        Proxy<SeedPoint> p;
        try (EventLoop loop = loop("seed-proxy-args")) {
            p = POINT.create(loop, SeedPoint::new, 2, 3, 0);
            assertThat(p.get("x")).as("right after create").isEqualTo(2);
            assertThat(p.get("y")).isEqualTo(3);
            assertThat(p.get("getY", Integer.class)).isEqualTo(3);
            p.run(SeedPoint::move, 1, 2);
        }
        assertThat(p.get("x")).isEqualTo(1);
        assertThat(p.get("y")).isEqualTo(2);
    }

    /** The same on a loop not started yet: the values are there before any worker is. */
    @Test
    void constructorValuesAreMirroredBeforeTheLoopStarts() {
        EventLoop loop = EventLoop.builder().name("seed-proxy-before-start").build();
        try {
            Proxy<SeedPoint> p = POINT.create(loop, SeedPoint::new, 4, 5, 6);
            assertThat(p.get("x")).isEqualTo(4);
            assertThat(p.get("getZ")).isEqualTo(6);
            p.run(SeedPoint::move, 7, 8);
            loop.start();
            p.awaitSync();
            assertThat(p.get("x")).isEqualTo(7);
            assertThat(p.get("y")).isEqualTo(8);
        } finally {
            loop.close();
        }
    }

    /** {@code test_proxy_wait}: {@code mp_wait} is {@code awaitSync}; the mirror reflects the call at once after it. */
    @Test
    void proxyWait() {
        try (EventLoop loop = loop("seed-proxy-wait")) {
            Proxy<SeedPoint> p = POINT.create(loop, SeedPoint::new, 2, 3, 0);
            p.run(SeedPoint::move, 1, 2);
            p.awaitSync();
            assertThat(p.get("x")).isEqualTo(1);
            assertThat(p.get("y")).isEqualTo(2);
        }
    }

    /**
     * {@code test_proxy_getter_property_conflict}: the private z is not mirrored, only its getter.
     * The seed read the unmirrored {@code _z} as the proxy's own stale 0 and the getter as None
     * until synced; here asking for an unmirrored name is an error that names the mirrored ones,
     * and the getter holds the constructor's value at once, then the worker's.
     */
    @Test
    void proxyGetterPropertyConflict() {
        Proxy<SeedPoint> p;
        try (EventLoop loop = loop("seed-proxy-conflict")) {
            p = POINT.create(loop, SeedPoint::new, 0, 0, 0);
            assertThatThrownBy(() -> p.get("z")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("does not mirror 'z'")
                    .hasMessageContaining("[x, y, getX, getY, getZ]");
            assertThat(p.get("getZ")).isEqualTo(0);
            p.run(SeedPoint::setZ, 3);
        }
        assertThat(p.get("getZ")).isEqualTo(3);
        assertThatThrownBy(() -> p.get("z", Integer.class)).isInstanceOf(IllegalArgumentException.class);
    }
}
