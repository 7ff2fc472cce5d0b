package io.github.mpeventloop.sample.fractal;

/**
 * A view of the complex plane rendered into a picture: the point at its centre, the width of the
 * plane it shows, its size in pixels and the iteration limit of the escape-time algorithm.
 * Pixels are square; the height of the plane shown follows from the picture's aspect ratio.
 *
 * @param centerX real part of the point at the centre of the picture
 * @param centerY imaginary part of the point at the centre of the picture
 * @param scale width of the part of the plane shown, in plane units
 * @param width width of the picture in pixels
 * @param height height of the picture in pixels
 * @param maxIterations iterations after which a point counts as inside the set
 * @param samples points computed per pixel along each axis (supersampling): 1 computes the pixel's
 *        centre, 3 a 3x3 grid of points whose mean is the pixel's value
 */
public record Viewport(double centerX, double centerY, double scale, int width, int height, int maxIterations,
        int samples) {

    /** Largest picture side accepted, in pixels. */
    public static final int MAX_SIDE = 2048;

    /** Largest iteration limit accepted. */
    public static final int MAX_ITERATIONS = 100_000;

    /** Largest number of samples per pixel along each axis. */
    public static final int MAX_SAMPLES = 4;

    /** Checks the values. */
    public Viewport {
        if (!Double.isFinite(centerX) || !Double.isFinite(centerY)) {
            throw new IllegalArgumentException("the centre must be finite, was " + centerX + ", " + centerY);
        }
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale must be positive and finite, was " + scale);
        }
        if (width < 1 || width > MAX_SIDE || height < 1 || height > MAX_SIDE) {
            throw new IllegalArgumentException(
                    "width and height must be between 1 and " + MAX_SIDE + ", were " + width + "x" + height);
        }
        if (maxIterations < 1 || maxIterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException(
                    "maxIterations must be between 1 and " + MAX_ITERATIONS + ", was " + maxIterations);
        }
        if (samples < 1 || samples > MAX_SAMPLES) {
            throw new IllegalArgumentException("samples must be between 1 and " + MAX_SAMPLES + ", was " + samples);
        }
    }

    /** Plane units per pixel. */
    public double pixelSize() {
        return this.scale / this.width;
    }

    /** Real part of the point at {@code px} pixels from the left edge (pixel centres are at {@code n + 0.5}). */
    public double re(double px) {
        return this.centerX + (px - this.width / 2.0) * pixelSize();
    }

    /** Imaginary part of the point at {@code py} pixels from the top edge; rows go down, the imaginary axis up. */
    public double im(double py) {
        return this.centerY - (py - this.height / 2.0) * pixelSize();
    }
}
