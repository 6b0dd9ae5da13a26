package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.ProfileService;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.profile.AvatarImages;
import dev.parley.desktop.storage.UserProfile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "set", description = {
    "Change your profile and send it to every contact (never to message requests or blocked users).",
    "The name (at most 64 characters) and about line (140) are normalised and cleaned of invisible controls; the avatar",
    "is cropped to a square, downscaled and re-encoded without metadata. Prints the profile as 'profile show' does."})
final class ProfileSetCommand extends ProfileCommand {
    @Option(names = "--name", paramLabel = "NAME", description = "Display name (empty to clear).")
    String name;

    @Option(names = "--about", paramLabel = "TEXT", description = "About line (empty to clear).")
    String about;

    @Option(names = "--avatar", paramLabel = "FILE", description = "Avatar picture: PNG, JPEG, GIF or BMP, at most 10 MB.")
    Path avatar;

    @Option(names = "--no-avatar", description = "Remove the avatar.")
    boolean noAvatar;

    private byte[] avatarBytes;

    @Override
    void validate() throws ServiceException {
        if (name == null && about == null && avatar == null && !noAvatar) {
            throw new InvalidInputException("nothing to change: give --name, --about, --avatar or --no-avatar");
        }
        if (avatar != null && noAvatar) {
            throw new InvalidInputException("--avatar and --no-avatar exclude each other");
        }
        if (avatar != null) {
            avatarBytes = readLimited(avatar);
        }
    }

    /** Reads at most {@link AvatarImages#MAX_FILE_BYTES} + 1 bytes, so a huge file is refused without reading it all. */
    private static byte[] readLimited(Path file) throws InvalidInputException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(AvatarImages.MAX_FILE_BYTES + 1);
            if (bytes.length > AvatarImages.MAX_FILE_BYTES) {
                throw new InvalidInputException("the avatar file is larger than 10 MB");
            }
            return bytes;
        } catch (IOException e) {
            throw new InvalidInputException("cannot read the avatar file");
        }
    }

    @Override
    ExitCode run(ParleyApp app) throws ServiceException {
        UserProfile saved = app.profiles().update(new ProfileService.Update(Optional.ofNullable(name),
                Optional.ofNullable(about), Optional.ofNullable(avatarBytes), noAvatar));
        out().println(ProfileShowCommand.line(saved.username(), saved.displayName(), Optional.of(saved)));
        return ExitCode.OK;
    }
}
