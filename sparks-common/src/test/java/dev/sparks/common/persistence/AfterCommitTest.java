package dev.sparks.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What metrics count after a commit: a committed change once, a rolled-back one never. */
@QuarkusTest
class AfterCommitTest {

    @Inject
    AfterCommit afterCommit;

    @Test
    void runsOnceTheTransactionCommittedAndNeverAfterARollback() {
        AtomicInteger counted = new AtomicInteger();

        QuarkusTransaction.requiringNew().run(() -> {
            afterCommit.run(counted::incrementAndGet);
            assertThat(counted).hasValue(0);
        });
        assertThat(counted).hasValue(1);

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            afterCommit.run(counted::incrementAndGet);
            throw new IllegalStateException("the change fails");
        })).hasMessageContaining("the change fails");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            afterCommit.run(counted::incrementAndGet);
            QuarkusTransaction.setRollbackOnly();
        })).hasRootCauseMessage("setRollbackOnly called from:");
        assertThat(counted).hasValue(1);
    }
}
