package io.eventharness.emulator.lambda.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What {@link InstalledRuntimes} reads of the file system: a directory's children (sorted; none when it is missing or
 * unreadable), installation directories newest first by the version numbers in their names, and whether a file is a
 * native (ELF) binary rather than a launcher script that might start another version.
 */
final class InstallationFiles {
    private static final Pattern VERSION_PART = Pattern.compile("\\d+");

    private InstallationFiles() {
    }

    /** An ELF binary: not a script that might start another version. */
    static boolean isElf(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 0x7f && magic[1] == 'E' && magic[2] == 'L' && magic[3] == 'F';
        } catch (IOException e) {
            return false;
        }
    }

    static List<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Directory names by the numbers in them, descending ({@code 3.12.10} before {@code 3.12.9}). */
    static int newerFirst(Path a, Path b) {
        List<Integer> x = numbers(a.getFileName().toString());
        List<Integer> y = numbers(b.getFileName().toString());
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            int c = Integer.compare(y.get(i), x.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Comparator.<String>naturalOrder().compare(a.toString(), b.toString());
    }

    private static List<Integer> numbers(String name) {
        List<Integer> out = new ArrayList<>();
        Matcher m = VERSION_PART.matcher(name);
        while (m.find() && out.size() < 4) {
            try {
                out.add(Integer.parseInt(m.group()));
            } catch (NumberFormatException e) {
                break;
            }
        }
        return out;
    }
}
