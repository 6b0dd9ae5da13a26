package dev.parley.desktop.profile;

import dev.parley.desktop.storage.AttachmentStore;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import dev.parley.desktop.storage.h2.H2BackupExport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The files a backup carries: of the files listed before the backup's transaction (downloaded attachments, the
 * desktop preferences), an attachment only if its row is in that transaction's snapshot. A file whose message was
 * deleted but whose removal had not run yet ({@code AttachmentFiles} sweeps after the commit) would otherwise travel
 * in the backup and come back as an orphan, carrying what the user deleted.
 */
final class BackedUpFiles implements H2BackupExport.FileSelection {
    private static final String SUFFIX = ".bin";

    private final Storage storage;
    private final List<Path> listed;
    private List<Path> selected = List.of();
    private long bytes;

    BackedUpFiles(Storage storage, List<Path> listed) {
        this.storage = storage;
        this.listed = listed;
    }

    @Override
    public H2BackupExport.FileTotals select(Transaction txn) throws StorageException {
        Set<String> kept = keptAttachments(txn);
        List<Path> files = new ArrayList<>();
        long total = 0;
        for (Path file : listed) {
            String name = file.getFileName().toString();
            if (name.endsWith(SUFFIX) && !kept.contains(name.substring(0, name.length() - SUFFIX.length()))) {
                continue;
            }
            try {
                total += Files.size(file);
            } catch (java.nio.file.NoSuchFileException e) {
                continue;   // deleted meanwhile: not part of the profile
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            files.add(file);
        }
        selected = List.copyOf(files);
        bytes = total;
        return new H2BackupExport.FileTotals(selected.size(), total);
    }

    /** The files chosen by {@link #select}, in the listing's order. */
    List<Path> selected() {
        return selected;
    }

    /** Their size in bytes when they were chosen. */
    long bytes() {
        return bytes;
    }

    private Set<String> keptAttachments(Transaction txn) throws StorageException {
        Set<String> kept = new HashSet<>();
        List<String> slice = new ArrayList<>(AttachmentStore.MAX_IDS);
        for (Path file : listed) {
            String name = file.getFileName().toString();
            if (name.endsWith(SUFFIX)) {
                slice.add(name.substring(0, name.length() - SUFFIX.length()));
                if (slice.size() == AttachmentStore.MAX_IDS) {
                    kept.addAll(storage.attachments().attachmentsAmong(txn, slice));
                    slice.clear();
                }
            }
        }
        if (!slice.isEmpty()) {
            kept.addAll(storage.attachments().attachmentsAmong(txn, slice));
        }
        return kept;
    }
}
