package io.eventharness.emulator.lambda.runtime;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code /tmp} directories that reset sandboxes of one function version leave to their successors (AWS's reset
 * does not clear {@code /tmp}), first left first taken. Each is handed over once every process of the old sandbox is
 * dead, so that nothing of it writes there any more: a future that completes with the directory, or exceptionally
 * when processes outlived the kill (the successor then gets a new directory). Its own monitor guards the queue; it
 * never calls out under it, so its {@link FunctionRunner} may call it under the runner's.
 */
final class InheritedTmp {
    private final Deque<CompletableFuture<Path>> left = new ArrayDeque<>();

    /** A reset sandbox leaves its directory (once its processes are dead) for the next sandbox started. */
    synchronized void leave(CompletableFuture<Path> tmp) {
        left.addLast(tmp);
    }

    /** The directory left first, to be inherited; null when none is left. */
    synchronized CompletableFuture<Path> take() {
        return left.pollFirst();
    }

    /** No successor will come (the runner closes): every directory left is removed once handed over. */
    void deleteAll() {
        List<CompletableFuture<Path>> gone;
        synchronized (this) {
            gone = new ArrayList<>(left);
            left.clear();
        }
        gone.forEach(f -> f.thenAccept(RuntimeFiles::deleteTree));
    }
}
