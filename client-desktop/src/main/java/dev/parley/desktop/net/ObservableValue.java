package dev.parley.desktop.net;

import java.util.function.Consumer;

/**
 * A value that changes over time and tells listeners, without JavaFX. The UI adapts it to a JavaFX property.
 *
 * @param <T> the value type, never null
 */
public interface ObservableValue<T> {

    /** The current value. */
    T get();

    /**
     * Calls {@code listener} with every later value, on the thread that changes it.
     *
     * @return a handle that removes the listener when closed
     */
    Registration addListener(Consumer<? super T> listener);

    /** A listener registration. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
