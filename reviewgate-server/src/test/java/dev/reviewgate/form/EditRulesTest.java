package dev.reviewgate.form;

import static dev.reviewgate.form.TestJson.form;
import static dev.reviewgate.form.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reviewgate.error.Violation;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EditRulesTest {

    private static final FormDefinition FORM = form("{'id':'f','name':'F','fields':["
            + "{'id':'blog','type':'text'},{'id':'source','type':'link','editable':false},{'id':'extra','type':'text'},"
            + "{'id':'pics','type':'images'},{'id':'hero','type':'images','selection':'single'},"
            + "{'id':'fixed','type':'images','selection':'none'}]}");
    private static final Set<String> VISIBLE = Set.of("blog", "source", "pics", "hero", "fixed");
    private static final String IMAGES = "[{'url':'https://x.example/1.jpg'},{'url':'https://x.example/2.jpg'}]";
    private static final String PARENT = "{'blog':'draft','source':{'url':'https://src.example'},'pics':" + IMAGES
            + ",'hero':" + IMAGES + ",'fixed':" + IMAGES + "}";

    /** The parent with the one edit every valid edit must make: keep one hero image. */
    private static final String KEEP_ONE_HERO =
            PARENT.replace("'hero':" + IMAGES, "'hero':[{'url':'https://x.example/1.jpg'}]");

    private static List<Violation> edit(String snapshot) {
        return SnapshotValidator.validateEdit(FORM, json(snapshot), json(PARENT), VISIBLE, "/snapshot");
    }

    @Test
    void acceptsAnEditOfAnEditableField() {
        assertThat(edit(KEEP_ONE_HERO.replace("draft", "final"))).isEmpty();
    }

    @Test
    void stillAppliesTheFormRules() {
        assertThat(edit(KEEP_ONE_HERO.replace("'draft'", "5")))
                .extracting(Violation::pointer)
                .containsExactly("/snapshot/blog");
    }

    @Test
    void refusesAFieldThatIsNotPartOfThisReview() {
        assertThat(edit(KEEP_ONE_HERO.replace("'blog':", "'extra':'sneaked in','blog':")))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.pointer()).isEqualTo("/snapshot/extra");
                    assertThat(v.message()).contains("not part of this review");
                });
    }

    @Test
    void refusesAChangeToANonEditableField() {
        assertThat(edit(KEEP_ONE_HERO.replace("https://src.example", "https://elsewhere.example")))
                .extracting(Violation::pointer)
                .containsExactly("/snapshot/source");
    }

    @Test
    void refusesDroppingANonEditableField() {
        assertThat(edit(KEEP_ONE_HERO.replace("'source':{'url':'https://src.example'},", "")))
                .extracting(Violation::pointer)
                .containsExactly("/snapshot/source");
    }

    @Test
    void multipleSelectionKeepsAnySubset() {
        assertThat(edit(KEEP_ONE_HERO.replace("'pics':" + IMAGES, "'pics':[{'url':'https://x.example/2.jpg'}]")))
                .isEmpty();
        assertThat(edit(KEEP_ONE_HERO.replace("'pics':" + IMAGES, "'pics':[]"))).isEmpty();
    }

    @Test
    void keptImagesMustHaveBeenOffered() {
        assertThat(edit(KEEP_ONE_HERO.replace("'pics':" + IMAGES, "'pics':[{'url':'https://x.example/3.jpg'}]")))
                .extracting(Violation::pointer)
                .containsExactly("/snapshot/pics/0/url");
    }

    @Test
    void anImageCannotBeKeptTwice() {
        assertThat(edit(KEEP_ONE_HERO.replace(
                        "'pics':" + IMAGES,
                        "'pics':[{'url':'https://x.example/1.jpg'},{'url':'https://x.example/1.jpg'}]")))
                .extracting(Violation::pointer)
                .containsExactly("/snapshot/pics/1/url");
    }

    @Test
    void singleSelectionKeepsAtMostOneImage() {
        assertThat(edit(KEEP_ONE_HERO)).isEmpty();
        assertThat(edit(PARENT)).isNotEmpty().extracting(Violation::pointer).containsExactly("/snapshot/hero");
    }

    @Test
    void noSelectionMeansTheListCannotChange() {
        assertThat(edit(KEEP_ONE_HERO.replace("'fixed':" + IMAGES, "'fixed':[{'url':'https://x.example/1.jpg'}]")))
                .extracting(Violation::pointer)
                .containsExactly("/snapshot/fixed");
    }
}
