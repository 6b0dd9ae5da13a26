package dev.parley.bench.presence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A Java main of this jar run as a child process, driven line by line over its stdin and stdout. */
final class ChildProcess implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final Writer in;

    ChildProcess(Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    /** Waits for a line starting with {@code prefix}; returns the rest of it. */
    String await(String prefix) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            if (line.equals(prefix) || line.startsWith(prefix + " ")) {
                return line.substring(prefix.length()).trim();
            }
        }
        throw new IOException("the child process ended before printing " + prefix);
    }

    String ask(String command, String answer) throws IOException {
        in.write(command + "\n");
        in.flush();
        return await(answer);
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
