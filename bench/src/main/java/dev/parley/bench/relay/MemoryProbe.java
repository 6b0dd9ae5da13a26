package dev.parley.bench.relay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a server process's memory goes, from the JDK's own diagnostics ({@code jcmd}): a snapshot is the live-object
 * class histogram ({@code GC.class_histogram}, which runs a full collection first) and, when the process was started
 * with {@code -XX:NativeMemoryTracking=summary}, the native memory summary (committed KB per category: Java heap,
 * thread stacks, metaspace, GC structures, direct buffers under "Other", ...). Two snapshots give the growth per added
 * account by class and by category. Each snapshot's raw text is kept in {@code dir} for a closer look.
 */
final class MemoryProbe {
    private static final Pattern HISTOGRAM_ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*$");
    private static final Pattern NMT_ROW = Pattern.compile("^-\\s+(.+?) \\(reserved=\\d+KB, committed=(\\d+)KB\\)\\s*$");

    /** One snapshot: RSS, live bytes and instances per class, committed KB per native memory category. */
    record Snapshot(String label, long rssKb, Map<String, long[]> classes, Map<String, Long> nativeKb) {
        long liveBytes() {
            return classes.values().stream().mapToLong(v -> v[1]).sum();
        }
    }

    private final long pid;
    private final Path dir;

    MemoryProbe(long pid, Path dir) throws IOException {
        this.pid = pid;
        this.dir = Files.createDirectories(dir);
    }

    Snapshot take(String label, long rssKb) throws IOException, InterruptedException {
        String histogram = jcmd("GC.class_histogram");
        String nmt = jcmd("VM.native_memory", "summary");
        Files.writeString(dir.resolve(label + "-histogram.txt"), histogram);
        Files.writeString(dir.resolve(label + "-nmt.txt"), nmt);
        Map<String, long[]> classes = new HashMap<>();
        for (String line : histogram.split("\n")) {
            Matcher m = HISTOGRAM_ROW.matcher(line);
            if (m.matches()) {
                classes.merge(m.group(3), new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))},
                        (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
            }
        }
        Map<String, Long> categories = new LinkedHashMap<>();
        for (String line : nmt.split("\n")) {
            Matcher m = NMT_ROW.matcher(line.trim());
            if (m.matches()) {
                categories.put(m.group(1), Long.parseLong(m.group(2)));
            }
        }
        return new Snapshot(label, rssKb, classes, categories);
    }

    /** The growth from {@code from} to {@code to} per added account: RSS, native categories, the top classes. */
    static String perAccount(Snapshot from, Snapshot to, int accounts, int topClasses) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%n%s -> %s, %d accounts added: RSS %+.1f KB per account, live heap %+.1f KB%n",
                from.label, to.label, accounts, (to.rssKb - from.rssKb) / (double) accounts,
                (to.liveBytes() - from.liveBytes()) / 1024.0 / accounts));
        if (!to.nativeKb.isEmpty()) {
            out.append("| native memory category (committed) | KB per account |\n|---|---|\n");
            to.nativeKb.forEach((category, kb) -> {
                double delta = (kb - from.nativeKb.getOrDefault(category, 0L)) / (double) accounts;
                if (Math.abs(delta) >= 0.05) {
                    out.append(String.format("| %s | %+.2f |%n", category, delta));
                }
            });
        }
        List<Map.Entry<String, long[]>> rows = new ArrayList<>();
        for (Map.Entry<String, long[]> e : to.classes.entrySet()) {
            long[] before = from.classes.getOrDefault(e.getKey(), new long[2]);
            rows.add(Map.entry(e.getKey(), new long[] {e.getValue()[0] - before[0], e.getValue()[1] - before[1]}));
        }
        rows.sort((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]));
        out.append("| class (live) | instances per account | bytes per account |\n|---|---|---|\n");
        for (Map.Entry<String, long[]> row : rows.subList(0, Math.min(topClasses, rows.size()))) {
            out.append(String.format("| %s | %.2f | %.0f |%n", row.getKey(), row.getValue()[0] / (double) accounts,
                    row.getValue()[1] / (double) accounts));
        }
        return out.toString();
    }

    private String jcmd(String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        args.addAll(List.of(command));
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return text;
    }
}
