package io.github.mpeventloop.sample.fractal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Splits a {@link Viewport} into a grid of tiles, the ones nearest the centre first. */
public final class TileGrid {

    private TileGrid() {
    }

    /**
     * The tiles of {@code view} in a {@code columns x rows} grid; they cover every pixel once. Tiles
     * are numbered row by row and returned centre first, so that the middle of the picture appears first.
     */
    public static List<TileSpec> split(Viewport view, int columns, int rows) {
        if (columns < 1 || rows < 1 || columns > view.width() || rows > view.height()) {
            throw new IllegalArgumentException("a " + view.width() + "x" + view.height()
                    + " picture cannot be split into " + columns + "x" + rows + " tiles");
        }
        List<TileSpec> tiles = new ArrayList<>(columns * rows);
        for (int row = 0; row < rows; row++) {
            int top = edge(row, rows, view.height());
            int bottom = edge(row + 1, rows, view.height());
            for (int column = 0; column < columns; column++) {
                int left = edge(column, columns, view.width());
                int right = edge(column + 1, columns, view.width());
                tiles.add(new TileSpec(view, row * columns + column, left, top, right - left, bottom - top));
            }
        }
        tiles.sort(Comparator.comparingDouble((TileSpec tile) -> distanceFromCentre(view, tile))
            .thenComparingInt(TileSpec::index));
        return tiles;
    }

    private static int edge(int part, int parts, int size) {
        return (int) ((long) part * size / parts);
    }

    private static double distanceFromCentre(Viewport view, TileSpec tile) {
        double dx = tile.x() + tile.width() / 2.0 - view.width() / 2.0;
        double dy = tile.y() + tile.height() / 2.0 - view.height() / 2.0;
        return dx * dx + dy * dy;
    }
}
