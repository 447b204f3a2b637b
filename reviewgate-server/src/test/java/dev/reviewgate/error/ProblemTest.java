package dev.reviewgate.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void aNullExtensionIsKeptAsAMemberWithoutAValue() {
        Problem problem = Problem.conflict("x").with("parentId", null).with("versionId", "v");

        assertThat(problem.extensions()).containsEntry("parentId", null).containsEntry("versionId", "v");
        assertThat(problem.extensions().keySet()).containsExactly("parentId", "versionId");
    }
}
