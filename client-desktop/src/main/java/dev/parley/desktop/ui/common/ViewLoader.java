package dev.parley.desktop.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads an {@link FxmlView} with the app's resource bundle and a controller factory, so FXML never instantiates a
 * controller itself: every controller class an FXML names must have been registered with its constructor
 * arguments (EXAMPLES 17).
 */
public final class ViewLoader {
    /** The i18n bundle every view uses. */
    public static final String BUNDLE = "dev.parley.desktop.ui.i18n.messages";

    private final Map<Class<?>, Supplier<?>> controllers = new HashMap<>();
    private final ResourceBundle bundle;

    public ViewLoader(ResourceBundle bundle) {
        this.bundle = Objects.requireNonNull(bundle);
    }

    public static ResourceBundle defaultBundle() {
        return ResourceBundle.getBundle(BUNDLE);
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    /** Registers how to build the controller of type {@code type} (a new instance per load). */
    public <C> ViewLoader register(Class<C> type, Supplier<? extends C> factory) {
        controllers.put(type, factory);
        return this;
    }

    /** A loaded view: its root node and its controller. */
    public record Loaded<C>(Parent root, C controller) {
    }

    /**
     * Loads {@code view}.
     *
     * @throws IllegalStateException if the FXML names an unregistered controller or the file is missing
     */
    public <C> Loaded<C> load(FxmlView view) {
        URL url = ViewLoader.class.getResource(view.resource());
        if (url == null) {
            throw new IllegalStateException("missing view " + view);
        }
        FXMLLoader loader = new FXMLLoader(url, bundle);
        loader.setControllerFactory(type -> {
            Supplier<?> factory = controllers.get(type);
            if (factory == null) {
                throw new IllegalStateException("no controller registered for " + type.getSimpleName());
            }
            return factory.get();
        });
        try {
            Parent root = loader.load();
            return new Loaded<>(root, loader.getController());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load view " + view, e);
        }
    }
}
