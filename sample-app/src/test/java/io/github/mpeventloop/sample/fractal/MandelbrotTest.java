package io.github.mpeventloop.sample.fractal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;

class MandelbrotTest {

    @Test
    void pointsInTheSetNeverEscapeAndPointsOutsideEscapeAtTheRightIteration() {
        assertThat(Mandelbrot.escapeTime(0, 0, 500)).isEqualTo(500);
        assertThat(Mandelbrot.escapeTime(-1, 0, 500)).isEqualTo(500); // period 2
        assertThat(Mandelbrot.escapeTime(-0.12, 0.75, 500)).isEqualTo(500); // inside the period-3 bulb
        // Steps from z = 0 until |z| > 2: c = 3 gives 3; c = 1 gives 1, 2, 5; c = 0.5 gives 0.5, 0.75, 1.06, 1.63, 3.15.
        assertThat(Mandelbrot.escapeTime(3, 0, 500)).isEqualTo(1);
        assertThat(Mandelbrot.escapeTime(1, 0, 500)).isEqualTo(3);
        assertThat(Mandelbrot.escapeTime(0.5, 0, 500)).isEqualTo(5);
        assertThat(Mandelbrot.escapeTime(0.5, 0, 4)).isEqualTo(4); // not escaped within the limit
    }

    @Test
    void aTileIsTheMeanEscapeTimeOfTheSamplesOfEachPixel() {
        Viewport view = new Viewport(0, 0, 4, 2, 2, 100, 2);
        int[] pixels = Mandelbrot.iterations(new TileSpec(view, 0, 0, 0, 2, 2));
        // Top-left pixel covers re -2..0, im 0..2; its 2x2 samples are at re -1.5, -0.5 and im 1.5, 0.5.
        int expected = (Mandelbrot.escapeTime(-1.5, 1.5, 100) + Mandelbrot.escapeTime(-0.5, 1.5, 100)
                + Mandelbrot.escapeTime(-1.5, 0.5, 100) + Mandelbrot.escapeTime(-0.5, 0.5, 100)) / 4;
        assertThat(pixels).hasSize(4);
        assertThat(pixels[0]).isEqualTo(expected);
        assertThat(pixels[1]).isNotEqualTo(pixels[0]); // the top-right pixel is another part of the plane
        assertThat(pixels[2]).isEqualTo(pixels[0]); // the set is symmetric about the real axis
    }

    @Test
    void theGridCoversEveryPixelOnceAndStartsAtTheCentre() {
        Viewport view = new Viewport(-0.5, 0, 3, 100, 70, 50, 1);
        List<TileSpec> tiles = TileGrid.split(view, 8, 8);
        assertThat(tiles).hasSize(64);
        assertThat(tiles).extracting(TileSpec::index).doesNotHaveDuplicates();
        int[] covered = new int[100 * 70];
        for (TileSpec tile : tiles) {
            for (int y = tile.y(); y < tile.y() + tile.height(); y++) {
                for (int x = tile.x(); x < tile.x() + tile.width(); x++) {
                    covered[y * 100 + x]++;
                }
            }
        }
        assertThat(covered).containsOnly(1);
        TileSpec first = tiles.get(0);
        assertThat(first.x()).isLessThanOrEqualTo(50).isGreaterThan(50 - first.width());
        assertThat(first.y()).isLessThanOrEqualTo(35).isGreaterThan(35 - first.height());
    }

    @Test
    void refusesViewsAndTilesOutOfRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Viewport(0, 0, 0, 10, 10, 10, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Viewport(Double.NaN, 0, 1, 10, 10, 10, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Viewport(0, 0, 1, 10, 10, 0, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Viewport(0, 0, 1, 10, 10, 10, 5));
        assertThatIllegalArgumentException().isThrownBy(() -> new Viewport(0, 0, 1, 0, 10, 10, 1));
        Viewport view = new Viewport(0, 0, 1, 10, 10, 10, 1);
        assertThatIllegalArgumentException().isThrownBy(() -> new TileSpec(view, 0, 5, 5, 6, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> TileGrid.split(view, 11, 1));
    }
}
