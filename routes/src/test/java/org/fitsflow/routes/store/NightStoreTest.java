package org.fitsflow.routes.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fitsflow.routes.support.FileBuilder.aFile;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.fitsflow.routes.support.TestClock;
import org.fitsflow.routes.support.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A night's life in a real SQLite file: subs arrive, it goes quiet or reaches its noon, it stacks, a late sub reopens it. */
class NightStoreTest {
    private static final NightKey NIGHT = new NightKey("M 94", "IRCUT", 10.0, "2025-03-26");
    private static final Duration QUIET = Duration.ofMinutes(30);

    @TempDir
    Path dir;
    TestStore store;
    TestClock clock;
    NightStore nights;
    FileStore files;
    JobStore jobs;
    long session;

    @BeforeEach
    void open() {
        clock = new TestClock(Instant.parse("2025-03-27T01:30:00Z"));
        store = TestStore.open(dir.resolve("data"), clock);
        nights = new NightStore(store.jdbc(), clock);
        files = new FileStore(store.jdbc(), clock);
        jobs = new JobStore(store.jdbc(), store.transactions(), clock, new JobChanges(), job -> { });
        session = new SessionStore(store.jdbc(), clock).inboxSession("inbox/MyWorks").id();
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    @Test
    void aNightClosesWhenItWentQuietOrAtItsNoon() {
        Instant noon = Instant.parse("2025-03-27T17:19:03Z");
        addSub("a", noon);
        clock.advance(Duration.ofMinutes(20));
        NightRecord night = addSub("b", noon);

        assertThat(night.state()).isEqualTo(NightState.OPEN);
        assertThat(night.subsTaken()).isEqualTo(2);
        clock.advance(Duration.ofMinutes(29));
        assertThat(nights.dueToClose(QUIET)).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(nights.dueToClose(QUIET)).extracting(NightRecord::id).containsExactly(night.id());

        // subs every few minutes until past noon: the noon closes it
        clock.advance(Duration.ofHours(14).plusMinutes(58));
        addSub("c", noon);
        assertThat(nights.dueToClose(QUIET)).as("a minute before noon").isEmpty();
        clock.advance(Duration.ofMinutes(2));
        addSub("d", noon);
        assertThat(nights.dueToClose(QUIET)).as("past noon").hasSize(1);
    }

    @Test
    void subsCopiedInAfterTheirNoonCloseOnlyWhenQuiet() {
        NightRecord night = addSub("a", Instant.parse("2025-03-27T01:00:00Z"));

        assertThat(night.closesMs()).isNull();
        assertThat(nights.dueToClose(QUIET)).isEmpty();
    }

    @Test
    void aSubTakenTwiceCountsOnce() {
        FileRecord file = aFile().inSession(session).named("a.fit").insertInto(files);
        nights.addSub(NIGHT, session, file.id(), clock.instant(), clock.instant().plusSeconds(3600));
        NightRecord night = nights.addSub(NIGHT, session, file.id(), clock.instant(), clock.instant().plusSeconds(3600));

        assertThat(night.subsTaken()).isEqualTo(1);
        assertThat(nights.subFileIds(night.id())).containsExactly(file.id());
    }

    @Test
    void aSubArrivingWhileTheNightStacksOpensItAgainOnceTheStackIsDone() {
        NightRecord night = addSub("a", clock.instant().plusSeconds(3600));
        JobRecord job = jobs.insertDelivered(session, nights.subFileIds(night.id()), "night_stack", "M 94", "M 94 x", 320);
        assertThat(nights.startStacking(night.id(), NightState.OPEN, job.id())).isTrue();
        assertThat(nights.startStacking(night.id(), NightState.OPEN, job.id())).as("only once").isFalse();

        NightRecord during = addSub("b", clock.instant().plusSeconds(3600));
        assertThat(during.state()).isEqualTo(NightState.STACKING);
        assertThat(during.restackPending()).isTrue();

        long master = aFile().inSession(session).named("m.fits").insertInto(files).id();
        assertThat(nights.done(night.id(), job.id(), new NightResult(1, 10, 2.5, 6.0, "[]", master))).isTrue();
        NightRecord after = nights.find(night.id()).orElseThrow();
        assertThat(after.state()).isEqualTo(NightState.OPEN);
        assertThat(after.deliveredJobId()).isEqualTo(job.id());
        assertThat(after.subsUsed()).isEqualTo(1);
        assertThat(nights.jobsInUse()).containsExactly(job.id());
    }

    @Test
    void aLateSubReopensADoneOrFailedNight() {
        NightRecord night = addSub("a", clock.instant().plusSeconds(3600));
        JobRecord job = jobs.insertDelivered(session, List.of(nights.subFileIds(night.id()).get(0)), "night_stack", "M 94", "x", 320);
        nights.startStacking(night.id(), NightState.OPEN, job.id());
        assertThat(nights.failed(night.id(), job.id(), "too few stars")).isTrue();
        assertThat(nights.find(night.id()).orElseThrow().error()).isEqualTo("too few stars");

        NightRecord reopened = addSub("b", clock.instant().plusSeconds(3600));

        assertThat(reopened.state()).isEqualTo(NightState.OPEN);
        assertThat(reopened.error()).isNull();
        assertThat(reopened.subsTaken()).isEqualTo(2);
    }

    private NightRecord addSub(String name, Instant noon) {
        FileRecord file = aFile().inSession(session).named(name + ".fit").insertInto(files);
        return nights.addSub(NIGHT, session, file.id(), clock.instant(), noon);
    }
}
