package dev.parley.relay;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * packaging/relay/cluster/docker-compose.yml (and the image's entry point from packaging/relay/Dockerfile) read as
 * the test's one source of the cluster's node configuration, mapped onto this machine the way Docker would isolate
 * it: a named volume is one directory every service mounting it shares, a bind mount is the file next to the
 * compose file, a secret is a given file, every other absolute path is in the container's own file system (one
 * directory per service), every service host name is a loopback engine, and every container port becomes a free one.
 */
final class ComposeCluster {
    static final Path CLUSTER_DIR = Path.of("..", "packaging", "relay", "cluster");
    static final Path DOCKERFILE = Path.of("..", "packaging", "relay", "Dockerfile");
    private static final Pattern OPTION = Pattern.compile("(--[a-z-]+)=(.*)");
    private static final Pattern SERVICE_ADDRESS = Pattern.compile("([a-z0-9-]+):(\\d+)");

    private final Map<String, Object> services;
    private final List<String> entryPoint;

    private ComposeCluster(Map<String, Object> services, List<String> entryPoint) {
        this.services = services;
        this.entryPoint = entryPoint;
    }

    @SuppressWarnings("unchecked")
    static ComposeCluster read() throws IOException {
        Map<String, Object> compose;
        try (Reader reader = Files.newBufferedReader(CLUSTER_DIR.resolve("docker-compose.yml"), StandardCharsets.UTF_8)) {
            compose = new Yaml().load(reader);
        }
        return new ComposeCluster((Map<String, Object>) compose.get("services"), entryPointOptions());
    }

    /** The relay options the image's ENTRYPOINT fixes (those after the jar), e.g. the data directory. */
    private static List<String> entryPointOptions() throws IOException {
        String line = Files.readAllLines(DOCKERFILE, StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("ENTRYPOINT ")).findFirst()
                .orElseThrow(() -> new AssertionError("the Dockerfile has no ENTRYPOINT"));
        List<String> words = List.of(new ObjectMapper().readValue(line.substring("ENTRYPOINT ".length()), String[].class));
        int jar = words.indexOf("-jar");
        return words.subList(jar + 2, words.size());
    }

    Map<String, Object> services() {
        return services;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> service(String name) {
        return (Map<String, Object>) services.get(name);
    }

    /** The services built from or running the relay image, in file order. */
    List<String> relays() {
        List<String> relays = new ArrayList<>();
        for (String name : services.keySet()) {
            if ("parley-relay".equals(service(name).get("image"))) {
                relays.add(name);
            }
        }
        return relays;
    }

    @SuppressWarnings("unchecked")
    List<String> command(String relay) {
        return (List<String>) service(relay).get("command");
    }

    @SuppressWarnings("unchecked")
    List<String> volumes(String service) {
        Object volumes = service(service).get("volumes");
        return volumes == null ? List.of() : (List<String>) volumes;
    }

    /** The relay's full option list as the container runs it: entry point options, then the service's command. */
    List<String> containerArgs(String relay) {
        List<String> args = new ArrayList<>(entryPoint);
        args.addAll(command(relay));
        return args;
    }

    /** How the cluster's names and paths become this machine's. */
    record Machine(Path root, Map<String, Integer> enginePorts, Map<String, Path> secrets) {
    }

    /** {@link #containerArgs} of {@code relay} mapped onto {@code machine}, plus a free metrics port. */
    List<String> hostArgs(String relay, Machine machine) {
        List<String> args = new ArrayList<>();
        for (String arg : containerArgs(relay)) {
            Matcher option = OPTION.matcher(arg);
            if (!option.matches()) {
                args.add(arg);
                continue;
            }
            String name = option.group(1);
            String value = option.group(2);
            if ("--host".equals(name)) {
                value = "127.0.0.1";
            } else if ("--port".equals(name)) {
                value = "0";
            } else if (value.startsWith("/")) {
                value = hostPath(relay, value, machine).toString();
            } else {
                value = mapServiceAddresses(value, machine);
            }
            args.add(name + "=" + value);
        }
        args.add("--metrics-port=0");
        return args;
    }

    private static String mapServiceAddresses(String value, Machine machine) {
        Matcher m = SERVICE_ADDRESS.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Integer port = machine.enginePorts().get(m.group(1));
            m.appendReplacement(out, port == null ? m.group() : "127.0.0.1:" + port);
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Where a path inside {@code service}'s container lives on this machine. */
    Path hostPath(String service, String containerPath, Machine machine) {
        if (containerPath.startsWith("/run/secrets/")) {
            Path secret = machine.secrets().get(containerPath.substring("/run/secrets/".length()));
            if (secret == null) {
                throw new AssertionError("no secret for " + containerPath);
            }
            return secret;
        }
        for (String volume : volumes(service)) {
            String[] parts = volume.split(":");
            String source = parts[0];
            String target = parts[1];
            if (containerPath.equals(target) || containerPath.startsWith(target + "/")) {
                String rest = containerPath.substring(target.length());
                Path base = source.startsWith(".") || source.startsWith("/") ? CLUSTER_DIR.resolve(source).normalize()
                        : machine.root().resolve("volumes").resolve(source);
                return rest.isEmpty() ? base : base.resolve(rest.substring(1));
            }
        }
        return machine.root().resolve("containers").resolve(service).resolve(containerPath.substring(1));
    }
}
