package io.github.mpeventloop.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The capacity probe: CPU-seconds per wall-second that two busy child JVMs ({@link Spinner}) obtain now. */
public final class Capacity {

    private Capacity() {
    }

    public static double measure(long millis) throws IOException {
        List<Process> children = new ArrayList<>();
        List<BufferedReader> outputs = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                Process child = ChildJvm.start(List.of(), Spinner.class, true, Long.toString(millis));
                children.add(child);
                outputs.add(new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII)));
            }
            for (BufferedReader output : outputs) {
                expectLine(output, "ready");
            }
            for (Process child : children) {
                OutputStream in = child.getOutputStream();
                in.write('\n');
                in.flush();
            }
            long cpu = 0;
            for (BufferedReader output : outputs) {
                cpu += Long.parseLong(expectLine(output, "cpu ").split(" ")[1]);
            }
            return cpu / (millis * 1e6);
        } finally {
            children.forEach(ChildJvm::stop);
        }
    }

    private static String expectLine(BufferedReader output, String prefix) throws IOException {
        String line = output.readLine();
        if (line == null || !line.startsWith(prefix)) {
            throw new IOException("capacity probe said " + line + ", expected " + prefix);
        }
        return line;
    }
}
