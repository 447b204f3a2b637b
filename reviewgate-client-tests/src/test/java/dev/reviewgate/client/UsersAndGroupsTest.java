package dev.reviewgate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /v1/users} and {@code /v1/groups} through the SDK. */
class UsersAndGroupsTest {

    private Reviewgate rg;

    @BeforeEach
    void setUp() {
        rg = LiveServer.client();
    }

    @AfterEach
    void tearDown() {
        rg.close();
    }

    @Test
    void addsAUserChangesTheRoleAndDisablesThem() {
        String email = LiveServer.unique("dana") + "@example.com";

        User dana = rg.users().create(email, "Dana Rivera", null);

        assertThat(dana.id()).startsWith("usr_");
        assertThat(dana.email()).isEqualTo(email);
        assertThat(dana.name()).isEqualTo("Dana Rivera");
        assertThat(dana.role()).isEqualTo(User.Role.REVIEWER);
        assertThat(dana.disabled()).isFalse();
        assertThat(rg.users().setRole(dana.id(), User.Role.ADMIN).role()).isEqualTo(User.Role.ADMIN);
        User disabled = rg.users().setDisabled(dana.id(), true);
        assertThat(disabled.disabled()).isTrue();
        assertThat(disabled.role()).isEqualTo(User.Role.ADMIN);
        assertThat(rg.users().list().stream().filter(u -> u.id().equals(dana.id())))
                .containsExactly(disabled);
    }

    @Test
    void aTakenEmailIsAConflictInAnyLetterCase() {
        String email = LiveServer.unique("sam") + "@example.com";
        rg.users().create(email, null, User.Role.REVIEWER);

        assertThatThrownBy(() -> rg.users().create(email.toUpperCase(java.util.Locale.ROOT), null, null))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void createsReadsReplacesListsAndDeletesAGroup() {
        String dana = rg.users()
                .create(LiveServer.unique("dana") + "@example.com", null, null)
                .email();
        String sam = rg.users()
                .create(LiveServer.unique("sam") + "@example.com", null, null)
                .email();
        String id = LiveServer.unique("billing");

        Group created = rg.groups().create(id, "Billing team", List.of(dana, sam));

        assertThat(created.members()).containsExactly(dana, sam);
        assertThat(rg.groups().get(id)).isEqualTo(created);
        Group replaced = rg.groups().replace(id, "Billing", List.of(sam));
        assertThat(replaced.name()).isEqualTo("Billing");
        assertThat(replaced.members()).containsExactly(sam);
        assertThat(rg.groups().list().stream().map(Group::id)).contains(id);
        rg.groups().delete(id);
        assertThatThrownBy(() -> rg.groups().get(id)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anUnknownMemberIsAValidationExceptionPointingAtIt() {
        String dana = rg.users()
                .create(LiveServer.unique("dana") + "@example.com", null, null)
                .email();

        assertThatThrownBy(() -> rg.groups().create(LiveServer.unique("g"), "G", List.of(dana, "nobody@example.com")))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.pointers()).containsExactly("/members/1"));
    }
}
