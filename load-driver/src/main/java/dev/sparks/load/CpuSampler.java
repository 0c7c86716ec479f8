package dev.sparks.load;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Takes a {@link CpuMeter} snapshot every second while the run goes on, to cut out the measured window later. */
final class CpuSampler implements AutoCloseable {

    private final CpuMeter meter;
    private final List<CpuMeter.Snapshot> samples = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    CpuSampler(CpuMeter meter) {
        this.meter = meter;
        this.thread = new Thread(this::loop, "cpu-sampler");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void loop() {
        while (running) {
            samples.add(meter.snapshot());
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** CPU seconds per part between the samples nearest to {@code from} and {@code to}. */
    Map<String, Double> between(long from, long to) {
        return nearest(to).since(nearest(from));
    }

    /** The seconds between those two samples (the window as actually measured, within a second). */
    double windowSeconds(long from, long to) {
        return (nearest(to).at() - nearest(from).at()) / 1000.0;
    }

    /** The busiest one-second interval inside the window, in cores. */
    double peakBusy(long from, long to) {
        double peak = 0;
        for (int i = 1; i < samples.size(); i++) {
            CpuMeter.Snapshot earlier = samples.get(i - 1);
            CpuMeter.Snapshot later = samples.get(i);
            if (earlier.at() >= from && later.at() <= to) {
                double wall = (later.at() - earlier.at()) / 1000.0;
                peak = Math.max(peak, (later.busy() - earlier.busy()) / wall);
            }
        }
        return peak;
    }

    private CpuMeter.Snapshot nearest(long at) {
        return samples.stream().min(Comparator.comparingLong(s -> Math.abs(s.at() - at)))
                .orElseThrow(() -> new IllegalStateException("no CPU samples"));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(2000);
    }
}
