package dev.parley.desktop.service.group;

import dev.parley.crypto.group.GroupState;
import dev.parley.crypto.wire.Usernames;
import dev.parley.desktop.service.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The checks of what a person types into a group command: a title, the usernames of the other members. */
final class GroupInputs {
    private GroupInputs() {
    }

    /** The named people, each once and in order; never {@code me}, every name a valid username. */
    static List<String> distinctOthers(List<String> usernames, String me) throws InvalidInputException {
        Set<String> distinct = new LinkedHashSet<>(usernames == null ? List.of() : usernames);
        if (distinct.contains(me)) {
            throw new InvalidInputException("you are in every group you make; name the others");
        }
        for (String name : distinct) {
            if (!Usernames.isValid(name)) {
                throw new InvalidInputException("not a valid username");
            }
        }
        return new ArrayList<>(distinct);
    }

    static void checkTitle(String title) throws InvalidInputException {
        int bytes = title == null ? 0 : title.getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0 || title.isBlank() || bytes > GroupState.MAX_TITLE_BYTES) {
            throw new InvalidInputException("a group title is 1 to " + GroupState.MAX_TITLE_BYTES + " bytes");
        }
    }
}
