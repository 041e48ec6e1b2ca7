package io.eventharness.emulator.lambda.runtime;

import io.eventharness.emulator.lambda.runtime.RuntimeResolver.Resolved;
import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line and environment of one sandbox process, per runtime family, as AWS starts its
 * runtimes (see "Defined runtime environment variables" in the Lambda developer guide).
 *
 * @param command    the process's argument vector
 * @param runtimeDir {@code LAMBDA_RUNTIME_DIR}
 */
record SandboxLaunch(List<String> command, Path runtimeDir) {
    /** The RIC's entry point, started with the handler as its only argument. */
    static final String JAVA_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    /** Where the RIC loads its native library from instead of copying it to {@code /tmp}. */
    static final String JAVA_JNI_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    /** The Python and Node.js bootstraps' argument that makes them a spare. */
    static final String SPARE_FLAG = "--spare";
    /** The Python bootstrap's argument naming the directory of boto3 and botocore ({@code RuntimeFiles.pythonSdk}). */
    static final String PYTHON_SDK_FLAG = "--sdk";

    /**
     * @param tmp      the temp directory as the sandbox sees it: {@code /tmp} in its own mount namespace
     * @param taskRoot the task root as the sandbox sees it
     * @param spare    whether the runtime waits for a byte on stdin before it looks at the function
     */
    static SandboxLaunch of(FunctionConfig c, Resolved runtime, RuntimeFiles files, Path tmp, Path taskRoot, Path cacheRoot,
            List<String> jvmOptions, boolean spare) {
        List<String> cmd = new ArrayList<>();
        switch (runtime.family()) {
            case JAVA -> {
                RuntimeFiles.JavaRuntime ric = files.java();
                cmd.add(runtime.executable().toString());
                cmd.addAll(javaOptions(runtime.executable()));
                cmd.addAll(List.of("-Xmx" + (c.memoryMb() * 85 / 100) + "m", "-Djava.io.tmpdir=" + tmp,
                        "-D" + JAVA_JNI_PROPERTY + "=" + ric.nativeLibrary()));
                cmd.addAll(jvmOptions);
                // Only the runtime is on the class path: as in AWS, the RIC loads the function from its working
                // directory (the task root and its lib/*.jar) through its own class loader.
                cmd.add("-cp");
                cmd.add(String.join(File.pathSeparator, ric.classPath().stream().map(Path::toString).toList()));
                cmd.add(spare ? SpareLauncher.class.getName() : JAVA_MAIN);
                cmd.add(c.handler());
                return new SandboxLaunch(List.copyOf(cmd), ric.directory());
            }
            case PYTHON -> {
                Path dir = files.python();
                cmd.add(runtime.executable().toString());
                // compiled modules go to a cache of ours, not into the function's code directory;
                cmd.add("-X");
                // one cache per task root: every function's code is at /var/task, and the cache is keyed by path
                cmd.add("pycache_prefix=" + cacheRoot.resolve("pycache")
                        .resolve(java.util.UUID.nameUUIDFromBytes(c.codeDirectory().toString().getBytes(
                                java.nio.charset.StandardCharsets.UTF_8)).toString()));
                cmd.add(dir.resolve("bootstrap.py").toString());
                files.pythonSdk().ifPresent(sdk -> {
                    cmd.add(PYTHON_SDK_FLAG); // an argument, not a variable: the function's environment stays AWS's
                    cmd.add(sdk.toString());
                });
                if (spare) {
                    cmd.add(SPARE_FLAG);
                }
                return new SandboxLaunch(List.copyOf(cmd), dir);
            }
            case NODE -> {
                Path dir = files.node();
                cmd.add(runtime.executable().toString());
                // the JavaScript heap within the memory size, as Java's -Xmx: beyond it the sandbox is killed anyway
                cmd.add("--max-old-space-size=" + (c.memoryMb() * 85 / 100));
                cmd.add(dir.resolve("bootstrap.js").toString());
                if (spare) {
                    cmd.add(SPARE_FLAG);
                }
                return new SandboxLaunch(List.copyOf(cmd), dir);
            }
            default -> {
                cmd.add(taskRoot.resolve("bootstrap").toString());
                return new SandboxLaunch(List.copyOf(cmd), taskRoot);
            }
        }
    }

    /**
     * The process of a sandbox, not started: its runtime's command behind the {@link PrivateTmp} prefix, in the
     * task root, with nothing of the emulator's environment, writing into the named pipe {@code output}, reading
     * {@code /dev/null}, or, a spare, a pipe that will bring the byte that activates it.
     *
     * @param tmp the sandbox's private directory (its /tmp)
     */
    static ProcessBuilder processBuilder(SandboxContext.Runtimes runtimes, FunctionConfig c, Resolved runtime,
            PrivateTmp.Launch isolation, Path tmp, List<String> jvmOptions, String logStream, String runtimeApi, Path output,
            boolean spare, SandboxCredentials.Keys keys) {
        Path tmpInside = isolation.tmpInside(tmp);
        SandboxLaunch launch = of(c, runtime, runtimes.files(), tmpInside, isolation.taskRoot(), runtimes.cacheRoot(),
                jvmOptions, spare);
        List<String> command = new ArrayList<>(isolation.prefix());
        command.addAll(launch.command());
        // the working directory is entered before unshare runs: the real path, which the shell then leaves for
        // the task root's mount point if /tmp covers it
        ProcessBuilder pb = new ProcessBuilder(command).directory(c.codeDirectory().toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(spare ? Redirect.PIPE : Redirect.from(new File("/dev/null")));
        pb.environment().clear();
        pb.environment().putAll(launch.environment(c, runtime, logStream, runtimeApi, tmpInside, isolation.taskRoot(), keys));
        return pb;
    }

    /**
     * Starts it. A custom runtime's {@code bootstrap} is checked first: inside a namespace the shell starts it,
     * and a missing one would look like a crash, not like the invalid entry point it is.
     */
    static Process start(ProcessBuilder pb, Resolved runtime, FunctionConfig c) throws IOException {
        if (runtime.family() == RuntimeResolver.Family.PROVIDED) {
            Path bootstrap = c.codeDirectory().resolve("bootstrap");
            if (!Files.isRegularFile(bootstrap)) {
                throw new IOException("Cannot run program \"" + bootstrap + "\": error=2, No such file or directory");
            }
            if (!Files.isExecutable(bootstrap)) {
                throw new IOException("Cannot run program \"" + bootstrap + "\": error=13, Permission denied");
            }
        }
        return pb.start();
    }

    /**
     * The JVM options every Java sandbox of {@code java} gets, as AWS's own java runtimes start the JVM: C1
     * only, serial GC. A class-data archive is only valid for the options it was made with, so they are part
     * of its name.
     */
    static List<String> javaOptions(Path java) {
        List<String> o = new ArrayList<>(List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-XX:-UsePerfData", "-Djava.net.preferIPv4Stack=true"));
        if (RuntimeResolver.javaFeature(java) >= 22) {
            o.add("--enable-native-access=ALL-UNNAMED"); // the RIC's JNI library, without a warning per start
        }
        return o;
    }

    /**
     * The process environment: nothing of the emulator's own. Defaults a function may override (PATH,
     * LANG, TZ, ...), then the function's variables, then the ones AWS reserves.
     */
    Map<String, String> environment(FunctionConfig c, Resolved runtime, String logStream, String runtimeApi, Path tmp,
            Path taskRoot, SandboxCredentials.Keys keys) {
        Map<String, String> env = new LinkedHashMap<>();
        String interpreterDir = runtime.executable() == null ? null : runtime.executable().getParent().toString();
        env.put("PATH", (interpreterDir == null ? "" : interpreterDir + ":") + "/usr/local/bin:/usr/bin:/bin");
        env.put("LD_LIBRARY_PATH", runtimeDir + ":" + runtimeDir.resolve("lib") + ":" + taskRoot + ":" + taskRoot.resolve("lib"));
        env.put("PWD", taskRoot.toString()); // the shell that starts an isolated sandbox sets it: every sandbox has it
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        // /tmp, the sandbox's own (PrivateTmp); where it cannot be, the sandbox's private directory instead.
        env.put("TMPDIR", tmp.toString());
        env.put("AWS_XRAY_CONTEXT_MISSING", "LOG_ERROR");
        if (runtime.family() == RuntimeResolver.Family.PYTHON) {
            env.put("PYTHONPATH", runtimeDir.toString());
        }
        if (runtime.family() == RuntimeResolver.Family.NODE) {
            env.put("NODE_PATH", runtimeDir.resolve("node_modules") + ":" + runtimeDir + ":" + taskRoot); // AWS's order
        }
        if (c.endpointUrl() != null) {
            env.put("AWS_ENDPOINT_URL", c.endpointUrl().toString());
        }
        env.putAll(c.environment());
        env.put("_HANDLER", c.handler());
        env.put("AWS_REGION", c.region());
        env.put("AWS_DEFAULT_REGION", c.region());
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + c.runtime());
        env.put("AWS_LAMBDA_FUNCTION_NAME", c.functionName());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(c.memoryMb()));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", c.version());
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", c.logGroup());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", logStream);
        // a session of the execution role (the dummy test/test/test when the emulator checks no signature)
        env.put("AWS_ACCESS_KEY", keys.accessKeyId()); // AWS still sets this old name too ("Defined runtime environment variables")
        env.put("AWS_ACCESS_KEY_ID", keys.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", keys.secretAccessKey());
        env.put("AWS_SESSION_TOKEN", keys.sessionToken());
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("LAMBDA_RUNTIME_DIR", runtimeDir.toString());
        return env;
    }
}
