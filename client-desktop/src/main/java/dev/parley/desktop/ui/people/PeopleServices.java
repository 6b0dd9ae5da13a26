package dev.parley.desktop.ui.people;

import dev.parley.desktop.service.ContactPresence;
import dev.parley.desktop.service.ContactService;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.MessagingService;
import dev.parley.desktop.service.PresenceService;
import dev.parley.desktop.service.ProfileService;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.PresenceVisibility;
import dev.parley.desktop.storage.UserProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link PeopleGateway} over the contact, profile, presence and messaging services of the unlocked profile. */
public final class PeopleServices implements PeopleGateway {
    /** Larger files are refused before reading; the profile service downscales what it gets. */
    private static final long MAX_AVATAR_FILE_BYTES = 10L * 1024 * 1024;

    private final ContactService contacts;
    private final ProfileService profiles;
    private final PresenceService presence;
    private final MessagingService messaging;

    public PeopleServices(ContactService contacts, ProfileService profiles, PresenceService presence,
                          MessagingService messaging) {
        this.contacts = Objects.requireNonNull(contacts);
        this.profiles = Objects.requireNonNull(profiles);
        this.presence = Objects.requireNonNull(presence);
        this.messaging = Objects.requireNonNull(messaging);
    }

    @Override
    public Look look(String username) throws ServiceException {
        ProfileService.ContactProfile shown;
        try {
            shown = profiles.of(username);
        } catch (dev.parley.desktop.service.UnknownContactException e) {
            return new Look(username, username, false, new byte[0], 0, Optional.empty());
        }
        Optional<UserProfile> profile = shown.profile();
        return new Look(username, shown.shown(), !shown.shown().equals(username),
                profile.map(UserProfile::avatar).orElse(new byte[0]), profile.map(UserProfile::version).orElse(0L),
                presence.of(username));
    }

    @Override
    public List<Request> requests() throws ServiceException {
        List<Request> out = new ArrayList<>();
        for (Contact c : contacts.requests()) {
            List<Message> latest = messaging.history(c.username(), Optional.empty(), 1).messages();
            String text = latest.isEmpty() ? "" : latest.get(0).body();
            out.add(new Request(c.username(), profiles.of(c.username()).shown(), text));
        }
        return out;
    }

    @Override
    public void accept(String username) throws ServiceException {
        contacts.accept(username);
    }

    @Override
    public void delete(String username) throws ServiceException {
        contacts.remove(username, true);
    }

    @Override
    public void block(String username) throws ServiceException {
        contacts.block(username);
    }

    @Override
    public List<String> blocked() throws ServiceException {
        return contacts.blocked();
    }

    @Override
    public void unblock(String username) throws ServiceException {
        contacts.unblock(username);
    }

    @Override
    public OwnProfile ownProfile() throws ServiceException {
        return profiles.own().map(PeopleServices::view).orElse(new OwnProfile("", "", new byte[0]));
    }

    @Override
    public OwnProfile saveProfile(String displayName, String about, Optional<Path> avatarFile, boolean clearAvatar)
            throws ServiceException {
        Optional<byte[]> avatar = Optional.empty();
        if (avatarFile.isPresent()) {
            avatar = Optional.of(read(avatarFile.get()));
        }
        return view(profiles.update(new ProfileService.Update(Optional.of(displayName), Optional.of(about), avatar,
                clearAvatar)));
    }

    @Override
    public PresenceVisibility presenceVisibility() throws ServiceException {
        return presence.visibility();
    }

    @Override
    public void setPresenceVisibility(PresenceVisibility visibility) throws ServiceException {
        presence.setVisibility(visibility);
    }

    @Override
    public Optional<ContactPresence> presence(String username) throws ServiceException {
        return presence.of(username);
    }

    @Override
    public String contactLink() throws ServiceException {
        return contacts.contactLink();
    }

    @Override
    public void writeFile(Path file, byte[] png) throws ServiceException {
        try {
            Files.write(file, png);
        } catch (IOException e) {
            throw new InvalidInputException("cannot write " + file.getFileName() + ": " + e.getClass().getSimpleName());
        }
    }

    private static byte[] read(Path file) throws ServiceException {
        try {
            if (Files.size(file) > MAX_AVATAR_FILE_BYTES) {
                throw new InvalidInputException("the avatar file is over 10 MB");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file.getFileName() + ": " + e.getClass().getSimpleName());
        }
    }

    private static OwnProfile view(UserProfile p) {
        return new OwnProfile(p.displayName(), p.about(), p.avatar());
    }
}
