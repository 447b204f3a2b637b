package dev.reviewgate.form;

import static dev.reviewgate.form.TestJson.form;
import static dev.reviewgate.form.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.error.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageGroupsTest {

    private static final FormDefinition SPLIT = form("{'id':'s','name':'Split','blockType':'split'}");

    private static List<Violation> errors(String documents) {
        return SnapshotValidator.validate(SPLIT, json("{'documents':" + documents + "}"), "");
    }

    @Test
    void acceptsSortedUniquePositivePages() {
        assertThat(errors("[{'name':'invoice','pages':[1,2]},{'name':'legal','pages':[3]}]"))
                .isEmpty();
    }

    @Test
    void unsortedPagesAreReportedAsUnsorted() {
        assertThat(errors("[{'name':'a','pages':[2,1]}]")).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("/documents/0/pages/1");
            assertThat(v.message()).contains("sorted");
        });
    }

    @Test
    void duplicatePagesAreReportedAsDuplicates() {
        assertThat(errors("[{'name':'a','pages':[1,2,2]}]")).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("/documents/0/pages/2");
            assertThat(v.message()).isEqualTo("duplicate page 2");
        });
    }

    @Test
    void pageZeroIsReportedAsNotPositive() {
        assertThat(errors("[{'name':'a','pages':[0,1]}]")).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("/documents/0/pages/0");
            assertThat(v.message()).contains("start at 1");
        });
    }

    @Test
    void pagesMustBeIntegers() {
        assertThat(errors("[{'name':'a','pages':[1.5,'2']}]"))
                .extracting(Violation::pointer)
                .containsExactly("/documents/0/pages/0", "/documents/0/pages/1");
    }

    @Test
    void pagesMustBeANonEmptyArray() {
        assertThat(errors("[{'name':'a','pages':[]},{'name':'b'},{'name':'c','pages':3}]"))
                .extracting(Violation::pointer)
                .containsExactly("/documents/0/pages", "/documents/1/pages", "/documents/2/pages");
    }

    @Test
    void namesMustBeNonEmptyAndUnique() {
        assertThat(errors("[{'name':'a','pages':[1]},{'name':'a','pages':[2]},{'name':'','pages':[3]},{'pages':[4]}]"))
                .extracting(Violation::pointer)
                .containsExactly("/documents/1/name", "/documents/2/name", "/documents/3/name");
    }

    @Test
    void groupsHaveNoOtherKeys() {
        assertThat(errors("[{'name':'a','pages':[1],'confidence':0.9}]"))
                .extracting(Violation::pointer)
                .containsExactly("/documents/0/confidence");
    }

    @Test
    void valueMustBeAnArrayOfObjects() {
        assertThat(errors("{'name':'a'}")).extracting(Violation::pointer).containsExactly("/documents");
        assertThat(errors("['a']")).extracting(Violation::pointer).containsExactly("/documents/0");
    }

    @Test
    void pageProblemsAreShapeNotSchema() {
        SnapshotValidator.Result result =
                SnapshotValidator.check(SPLIT, json("{'documents':[{'name':'a','pages':[2,1]}]}"), "");
        assertThat(result.shape()).hasSize(1);
        assertThat(result.schema()).isEmpty();
    }
}
