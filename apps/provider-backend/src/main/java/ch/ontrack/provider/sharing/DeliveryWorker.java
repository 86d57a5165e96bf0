package ch.ontrack.provider.sharing;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Every DELIVERY_RETRY_INTERVAL, works off the due outbox items; replicas share the work through leases. */
@Configuration
class DeliveryWorker implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final int BATCH = 20;
    private final Delivery delivery;
    private final SharingSettings settings;

    DeliveryWorker(Delivery delivery, SharingSettings settings) {
        this.delivery = delivery;
        this.settings = settings;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new org.springframework.scheduling.config.FixedDelayTask(
                this::run, settings.deliveryRetryInterval(), settings.deliveryRetryInterval()));
    }

    void run() {
        try {
            for (int i = 0; i < BATCH && delivery.processNextDue(); i++) {
                // each item claimed with its own lease, carried out without a transaction
            }
        } catch (RuntimeException e) {
            log.warn("Delivery run stopped at {}: {}", Instant.now(), e.getMessage());
        }
    }
}
