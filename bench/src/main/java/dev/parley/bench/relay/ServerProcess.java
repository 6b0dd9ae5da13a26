package dev.parley.bench.relay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A {@link ServerUnderTest} child process, driven over its stdin/stdout. */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    public final int port;

    public ServerProcess(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + System.getProperty("parley.bench.serverHeap", "1g"), "-XX:+UseG1GC", "-cp",
                System.getProperty("java.class.path"),
                // The relay's own logging (INFO, to stderr): without it logback logs DEBUG to stdout, which this
                // process reads only when it asks something, so a chatty server (lettuce, HikariCP) would block.
                "-Dlogback.configurationFile=parley-relay-logback.xml"));
        String grace = System.getProperty(ServerUnderTest.GRACE_PROPERTY);
        if (grace != null) {
            command.add("-D" + ServerUnderTest.GRACE_PROPERTY + "=" + grace);
        }
        String extra = System.getProperty("parley.bench.serverJvmArgs");
        if (extra != null && !extra.isBlank()) {
            // For profiling, e.g. -Dparley.bench.serverJvmArgs=-XX:StartFlightRecording=filename=relay.jfr
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.add(ServerUnderTest.class.getName());
        command.addAll(List.of(args));
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        port = Integer.parseInt(await("PORT"));
    }

    private String await(String prefix) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(prefix + " ")) {
                return line.substring(prefix.length() + 1).trim();
            }
        }
        throw new IOException("the server process ended before printing " + prefix);
    }

    private String ask(String command, String answer) throws IOException {
        in.write(command + "\n");
        in.flush();
        return await(answer);
    }

    /** The server process's id (for jcmd). */
    public long pid() {
        return process.pid();
    }

    long heapBytes() throws IOException {
        return Long.parseLong(ask("heap", "HEAP"));
    }

    /** CPU time (user + system) the server process has used so far, in milliseconds (10 ms resolution on Linux). */
    public long cpuMillis() {
        return process.info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
    }

    /** CPU time of the server's live Java threads (without JIT compiler and GC threads), in milliseconds. */
    public long threadCpuMillis() throws IOException {
        return Long.parseLong(ask("threadcpu", "THREADCPU"));
    }

    long rssKb() throws IOException {
        return Long.parseLong(ask("rss", "RSS"));
    }

    /** The relay's /metrics figures (name with labels -> value), read through the process's stdin. */
    public java.util.Map<String, Double> metrics() throws IOException {
        in.write("metrics\n");
        in.flush();
        java.util.Map<String, Double> values = new java.util.HashMap<>();
        String line;
        while ((line = out.readLine()) != null && !line.equals("END")) {
            if (line.startsWith("METRIC ")) {
                String metric = line.substring("METRIC ".length());
                int space = metric.lastIndexOf(' ');
                values.put(metric.substring(0, space), Double.parseDouble(metric.substring(space + 1)));
            }
        }
        return values;
    }

    /** Ends the process at once, like a kill -9 (nothing is flushed or closed). */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws Exception {
        try {
            ask("quit", "BYE");
        } catch (IOException e) {
            process.destroy();
        }
        process.waitFor();
    }
}
