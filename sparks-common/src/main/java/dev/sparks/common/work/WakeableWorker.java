package dev.sparks.common.work;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * A background thread that does one pass of work, then waits until it is woken (after a commit that made work) or
 * its poll interval passes, whichever comes first. Wake-ups that arrive during a pass are coalesced into one more
 * pass. A failing pass is logged (the first failure and every 30th in a row) and retried after a back-off.
 * The outbox relay and matching's waiting-list drain run on it.
 */
public final class WakeableWorker {

    /** One pass; returns true when more work is known to be waiting, so the next pass starts at once. */
    @FunctionalInterface
    public interface Pass {
        boolean run() throws Exception;
    }

    private final String name;
    private final Duration pollInterval;
    private final Duration retryBackoff;
    private final Duration settle;
    private final Pass pass;
    private final Logger log;
    private final Semaphore wakeups = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    /**
     * @param settle a pause after each idle pass, so that a burst of wake-ups becomes one pass (zero for none)
     */
    public WakeableWorker(String name, Duration pollInterval, Duration retryBackoff, Duration settle, Logger log,
            Pass pass) {
        this.name = name;
        this.pollInterval = pollInterval;
        this.retryBackoff = retryBackoff;
        this.settle = settle;
        this.log = log;
        this.pass = pass;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops after the pass in hand, waiting for it up to ten seconds. */
    public void stop() throws InterruptedException {
        running = false;
        wake();
        Thread current = thread;
        if (current != null) {
            current.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /** False once stopping began: a long pass should stop at its next safe point. */
    public boolean isRunning() {
        return running;
    }

    public void wake() {
        if (wakeups.availablePermits() == 0) {
            wakeups.release();
        }
    }

    private void loop() {
        int failures = 0;
        while (running) {
            try {
                boolean more = pass.run();
                failures = 0;
                if (!more) {
                    if (!settle.isZero()) {
                        Thread.sleep(settle.toMillis());
                    }
                    wakeups.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wakeups.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                failures++;
                if (failures == 1 || failures % 30 == 0) {
                    log.warnf("%s failed %d time(s) in a row, retrying: %s", name, failures, e.toString());
                }
                try {
                    Thread.sleep(retryBackoff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
