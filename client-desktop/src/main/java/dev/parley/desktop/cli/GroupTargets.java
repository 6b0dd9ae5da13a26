package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.UnknownContactException;
import dev.parley.desktop.storage.StoredGroup;
import java.util.Optional;

/**
 * Where a command that takes a contact accepts a group too (issue #15): a name is a group when it is a group's id
 * ('#' optional), or when no contact has that name and exactly one group has it as its title. A contact wins over a
 * group title; the group id always names the group.
 */
final class GroupTargets {
    private GroupTargets() {
    }

    static Optional<StoredGroup> group(ParleyApp app, String name) throws ServiceException {
        String ref = name.startsWith("#") ? name.substring(1) : name;
        boolean looksLikeId = ref.matches("[0-9a-fA-F]{32}");
        if (!looksLikeId && !name.startsWith("#")) {
            try {
                app.contacts().get(name);
                return Optional.empty();
            } catch (UnknownContactException | IllegalArgumentException e) {
                // not a contact: maybe a group title
            }
        }
        try {
            return Optional.of(app.groups().find(name));
        } catch (InvalidInputException e) {
            if (looksLikeId || name.startsWith("#") || e.getMessage().startsWith("several")) {
                throw e;
            }
            return Optional.empty();
        }
    }
}
