package dev.reviewgate.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReviewerAccessTest {

    private static final Assignees ANN_AND_OPS = new Assignees(List.of("Ann@Example.com"), List.of("ops"));

    private static Person person(String email, boolean admin, String... groups) {
        return new Person("usr_x", email, admin, Set.of(groups));
    }

    @Test
    void anyoneMeansEveryUserOfTheAccount() {
        assertThat(ReviewerAccess.mayAct(Reviewers.ANYONE, Assignees.NONE, person("bob@example.com", false)))
                .isTrue();
    }

    @Test
    void assignedMeansAnAssigneeInAnyLetterCaseAMemberOfAnAssignedGroupOrAnAdmin() {
        assertThat(ReviewerAccess.mayAct(Reviewers.ASSIGNED, ANN_AND_OPS, person("ann@example.com", false)))
                .isTrue();
        assertThat(ReviewerAccess.mayAct(Reviewers.ASSIGNED, ANN_AND_OPS, person("cy@example.com", false, "ops")))
                .isTrue();
        assertThat(ReviewerAccess.mayAct(Reviewers.ASSIGNED, ANN_AND_OPS, person("root@example.com", true)))
                .isTrue();
        assertThat(ReviewerAccess.mayAct(Reviewers.ASSIGNED, ANN_AND_OPS, person("bob@example.com", false, "sales")))
                .isFalse();
        assertThat(ReviewerAccess.mayAct(Reviewers.ASSIGNED, Assignees.NONE, person("bob@example.com", false)))
                .as("assigned to nobody: only admins")
                .isFalse();
    }

    @Test
    void assigneesKeepTheirOrderWithoutRepeats() {
        Assignees more =
                ANN_AND_OPS.plus(new Assignees(List.of("Ann@Example.com", "dee@example.com"), List.of("ops", "qa")));

        assertThat(more.users()).containsExactly("Ann@Example.com", "dee@example.com");
        assertThat(more.groups()).containsExactly("ops", "qa");
    }
}
