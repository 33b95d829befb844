package org.medrec.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medrec.record.FieldValue;
import org.medrec.record.SourceRef;
import org.medrec.store.ReviewItemWriter;
import org.medrec.record.FileOutcome;
import org.medrec.testing.TestRun;
import org.medrec.testing.StoreTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Claims on review items against a real PostgreSQL: two technicians working the queue at the
 * same time, each in their own thread and transaction, never get the same item; expired claims
 * are free again; a decision on an item another technician holds or already resolved is refused.
 */
@StoreTest
class ReviewClaimsIntegrationTests {

    private static final Duration CLAIM = Duration.ofMinutes(15);

    @Autowired
    ReviewClaims claims;

    @Autowired
    ClaimedDecisions decisions;

    @Autowired
    ReviewItemWriter writer;

    @Autowired
    JdbcClient jdbc;

    private UUID run;
    private long file;

    @BeforeEach
    void emptyQueue() {
        TestRun testRun = TestRun.begin(jdbc);
        run = testRun.id();
        file = testRun.file("sheets/visits.csv", "CSV", FileOutcome.HELD_FOR_REVIEW, "rows to review");
    }

    private List<UUID> openItems(int n) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            FieldValue value = new FieldValue("patient.family", "Name" + i, "Name" + i, 0.5,
                    SourceRef.inSheet(file, "sheets/visits.csv", "visits", i + 2, "LAST"), "low confidence");
            ids.add(writer.openForValue(run, null, 0, "M" + i, value, "low confidence"));
        }
        return ids;
    }

    @Test
    void shouldNeverGiveTwoTechniciansTheSameItem() throws Exception {
        List<UUID> items = openItems(60);
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<List<UUID>> technician = () -> {
            String user = Thread.currentThread().getName();
            List<UUID> worked = new ArrayList<>();
            start.await();
            for (Optional<UUID> next = claims.claimNext(user, QueueFilter.ALL, Set.of(), CLAIM); next.isPresent();
                 next = claims.claimNext(user, QueueFilter.ALL, Set.of(), CLAIM)) {
                worked.add(next.get());
                DecisionResult result = decisions.decide(next.get(), new Decision.Accept(), user);
                assertThat(result.applied()).as(result.message()).isTrue();
            }
            return worked;
        };
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> new Thread(r, "tech-" + UUID.randomUUID()));
        List<UUID> first;
        List<UUID> second;
        try {
            Future<List<UUID>> a = pool.submit(technician);
            Future<List<UUID>> b = pool.submit(technician);
            first = a.get();
            second = b.get();
        } finally {
            pool.shutdownNow();
        }

        Set<UUID> both = new HashSet<>(first);
        both.retainAll(second);
        assertThat(both).as("items both technicians got").isEmpty();
        assertThat(first.size() + second.size()).isEqualTo(items.size());
        assertThat(first).as("each worked some of the queue").isNotEmpty();
        assertThat(second).isNotEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM review_item WHERE status = 'open'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_log WHERE action = 'review.accept' AND origin = 'web' AND entity_id = ANY(?)""")
                .param(items.stream().map(UUID::toString).toArray(String[]::new)).query(Long.class).single())
                .as("one audit entry per decision").isEqualTo(items.size());
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void shouldRunTheBatchContextWithoutWebServerOrSecurity() {
        assertThat(context).isNotInstanceOf(org.springframework.web.context.WebApplicationContext.class);
        assertThat(context.getBeanNamesForType(org.springframework.security.web.SecurityFilterChain.class)).isEmpty();
        assertThat(context.getBeanNamesForType(PageImages.class)).isEmpty();
    }

    @Test
    void shouldGiveTheOldestFreeItemAndKeepItWithItsTechnician() {
        List<UUID> items = openItems(3);
        jdbc.sql("UPDATE review_item SET created_at = now() - make_interval(mins => ?) WHERE id = ?").params(3, items.get(0)).update();
        jdbc.sql("UPDATE review_item SET created_at = now() - make_interval(mins => ?) WHERE id = ?").params(2, items.get(1)).update();
        jdbc.sql("UPDATE review_item SET created_at = now() - make_interval(mins => ?) WHERE id = ?").params(1, items.get(2)).update();

        assertThat(claims.claimNext("ana", QueueFilter.ALL, Set.of(), CLAIM)).contains(items.get(0));
        assertThat(claims.claimNext("ana", QueueFilter.ALL, Set.of(), CLAIM)).as("her claim, again").contains(items.get(0));
        assertThat(claims.claimNext("ben", QueueFilter.ALL, Set.of(), CLAIM)).contains(items.get(1));
        assertThat(claims.claimNext("ana", QueueFilter.ALL, Set.of(items.get(0)), CLAIM)).as("skipped")
                .contains(items.get(2));
    }

    @Test
    void shouldFreeAnExpiredClaim() {
        UUID item = openItems(1).get(0);
        assertThat(claims.claimNext("ana", QueueFilter.ALL, Set.of(), CLAIM)).contains(item);
        assertThat(claims.claimNext("ben", QueueFilter.ALL, Set.of(), CLAIM)).isEmpty();

        jdbc.sql("UPDATE review_item SET claim_expires_at = now() - interval '1 second' WHERE id = ?").param(item).update();

        assertThat(claims.claimNext("ben", QueueFilter.ALL, Set.of(), CLAIM)).contains(item);
        assertThat(claims.holder(item).orElseThrow().claimedBy()).isEqualTo("ben");
    }

    @Test
    void shouldRefuseADecisionOnAnItemAnotherTechnicianHolds() {
        UUID item = openItems(1).get(0);
        claims.claimNext("ana", QueueFilter.ALL, Set.of(), CLAIM);

        DecisionResult refused = decisions.decide(item, new Decision.Accept(), "ben");

        assertThat(refused.applied()).isFalse();
        assertThat(refused.message()).isEqualTo("ana is working on this item: take the next one");
        assertThat(jdbc.sql("SELECT status FROM review_item WHERE id = ?").param(item).query(String.class).single())
                .isEqualTo("open");
    }

    @Test
    void shouldRefuseADecisionOnAnItemSomeoneElseResolved() {
        UUID item = openItems(1).get(0);
        assertThat(decisions.decide(item, new Decision.Value("Alvarez-Test"), "ana").applied()).isTrue();

        DecisionResult refused = decisions.decide(item, new Decision.Accept(), "ben");

        assertThat(refused.applied()).isFalse();
        assertThat(refused.message()).startsWith("already resolved by ana at ");
        assertThat(jdbc.sql("SELECT decided_value FROM review_item WHERE id = ?").param(item).query(String.class).single())
                .isEqualTo("Alvarez-Test");
    }

    @Test
    void shouldClaimOnlyItemsMatchingTheFilter() {
        List<UUID> items = openItems(2);
        jdbc.sql("UPDATE review_item SET field = 'patient.birth_date', confidence = 0.9 WHERE id = ?").param(items.get(1)).update();

        QueueFilter dates = new QueueFilter(null, "patient.birth_date", null, ConfidenceBand.HIGH, run);

        assertThat(claims.claimNext("ana", dates, Set.of(), CLAIM)).contains(items.get(1));
        assertThat(claims.claimNext("ben", dates, Set.of(), CLAIM)).isEmpty();
    }
}
