package io.github.mpeventloop.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Annotation for a test class, next to {@code @SpringBootTest}, that adds a {@link RecordedResults}
 * bean: the first output handler of the application's event loop, which records every result,
 * failures included, before the application's own handlers see it. Inject it and wait on it:
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureRecordedResults
 * class PrimesTests {
 *     @Autowired RecordedResults results;
 *
 *     @Test
 *     void counts() {
 *         counter.countBelow(100);
 *         assertThat(results.awaitKey("primes").value()).isEqualTo(25L);
 *     }
 * }
 * }</pre>
 *
 * In the style of Spring Boot's {@code @AutoConfigureMockMvc}: the auto-configurations it imports
 * are listed in {@code META-INF/spring/io.github.mpeventloop.test.AutoConfigureRecordedResults.imports}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureRecordedResults {
}
