/**
 * Test support for applications that use the starter: {@link io.github.mpeventloop.test.AutoConfigureRecordedResults}
 * adds a {@link io.github.mpeventloop.test.RecordedResults} output handler that records every result of the
 * application's event loop, for a {@code @SpringBootTest} to wait for and assert on.
 */
@NullMarked
package io.github.mpeventloop.test;

import org.jspecify.annotations.NullMarked;
