package dev.parley.desktop.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The bulk upload's body publisher (issue #13): the HTTP client gets each chunk's own array, in order, only as much
 * as it asked for, then the end; a maker that runs ahead waits; a request that is over stops the maker; the body is
 * not sent twice.
 */
class ChunkPublisherTest {

    @Test
    void theClientGetsEachChunksOwnArrayInOrderOnlyWhenItAsks() throws Exception {
        ChunkPublisher body = new ChunkPublisher(7);
        Recorder client = new Recorder();
        body.subscribe(client);
        byte[] first = {1, 2, 3};
        byte[] second = {4, 5, 6, 7};
        body.put(first);
        body.put(second);
        body.end();
        assertThat(client.items).as("nothing before it asks").isEmpty();

        client.subscription.get().request(1);
        assertThat(client.items).hasSize(1);
        assertThat(client.items.get(0).array()).as("the chunk itself, not a copy").isSameAs(first);
        assertThat(client.completed.getCount()).isEqualTo(1);

        client.subscription.get().request(5);
        assertThat(client.items).hasSize(2);
        assertThat(client.items.get(1).array()).isSameAs(second);
        assertThat(client.completed.await(1, TimeUnit.SECONDS)).isTrue();
        assertThat(client.error.get()).isNull();
        assertThat(body.contentLength()).isEqualTo(7);
    }

    @Test
    void aMakerAheadOfTheClientWaitsAndIsReleasedAsTheClientTakes() throws Exception {
        ChunkPublisher body = new ChunkPublisher(ChunkPublisher.DEPTH + 2L);
        Recorder client = new Recorder();
        body.subscribe(client);
        CountDownLatch allPut = new CountDownLatch(1);
        Thread maker = new Thread(() -> {
            try {
                for (int i = 0; i < ChunkPublisher.DEPTH + 2; i++) {
                    body.put(new byte[] {(byte) i});
                }
                body.end();
                allPut.countDown();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        maker.start();
        assertThat(allPut.await(200, TimeUnit.MILLISECONDS)).as("waits while the queue is full").isFalse();
        client.subscription.get().request(Long.MAX_VALUE);
        assertThat(allPut.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(client.completed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(client.items).extracting(b -> (int) b.get(0)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        maker.join();
    }

    @Test
    void aRequestThatIsOverStopsTheMakerAndAbandoningFailsTheBody() throws Exception {
        ChunkPublisher body = new ChunkPublisher(100);
        Recorder client = new Recorder();
        body.subscribe(client);
        body.fail();
        assertThat(client.error.get()).isInstanceOf(IOException.class);
        body.gone();
        assertThatThrownBy(() -> body.put(new byte[] {1})).isInstanceOf(IOException.class)
                .hasMessageContaining("ended before its body");
    }

    @Test
    void theBodyIsNotSentTwice() {
        ChunkPublisher body = new ChunkPublisher(1);
        body.subscribe(new Recorder());
        Recorder second = new Recorder();
        body.subscribe(second);
        assertThat(second.error.get()).isInstanceOf(IllegalStateException.class);
    }

    private static final class Recorder implements Flow.Subscriber<ByteBuffer> {
        final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
        final List<ByteBuffer> items = new CopyOnWriteArrayList<>();
        final AtomicReference<Throwable> error = new AtomicReference<>();
        final CountDownLatch completed = new CountDownLatch(1);

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription.set(s);
        }

        @Override
        public void onNext(ByteBuffer item) {
            items.add(item);
        }

        @Override
        public void onError(Throwable throwable) {
            error.set(throwable);
        }

        @Override
        public void onComplete() {
            completed.countDown();
        }
    }
}
