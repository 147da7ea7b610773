package dev.flotilla.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatusWordsTest {

    @Test
    void podmansOwnWordsBecomeDockersAndDockersStayAsTheyAre() {
        assertThat(StatusWords.dockers("stopped")).isEqualTo("exited");
        assertThat(StatusWords.dockers("configured")).isEqualTo("created");
        assertThat(StatusWords.dockers("exited")).isEqualTo("exited");
        assertThat(StatusWords.dockers("running")).isEqualTo("running");
        assertThat(StatusWords.dockers("stopping")).as("still running").isEqualTo("stopping");
        assertThat(StatusWords.dockers(null)).isEqualTo("unknown");
    }
}
