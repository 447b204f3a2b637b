package dev.reviewgate.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The template writer honours the instructions a reviewer would give a model. */
class BlogWriterTest {

    private final BlogWriter writer = new BlogWriter("sourdough");

    @Test
    void writesSixSentencesWithoutInstructions() {
        String text = writer.write(List.of(), 0);
        assertThat(text).startsWith("Sourdough is worth a closer look.").doesNotStartWith("#");
        assertThat(text.split("\\. |\\.$")).hasSize(6);
    }

    @Test
    void shorterHalvesTheSentencesEachTime() {
        assertThat(writer.write(List.of("Make this shorter"), 1).split("\\. |\\.$"))
                .hasSize(3);
        assertThat(writer.write(List.of("shorter", "Shorter still"), 2).split("\\. |\\.$"))
                .hasSize(1);
        assertThat(writer.write(List.of("shorter", "now longer again"), 2).split("\\. |\\.$"))
                .hasSize(6);
    }

    @Test
    void keepsUnderACharacterLimit() {
        for (int max : List.of(10, 60, 120, 200)) {
            assertThat(writer.write(List.of("Please keep it to " + max + " chars max"), 1))
                    .hasSizeLessThanOrEqualTo(max);
        }
    }

    @Test
    void changesToneAndTitle() {
        String formal = writer.write(List.of("More formal, and add a title"), 1);
        assertThat(formal).startsWith("# On sourdough\n\n").contains("The subject of this article is sourdough.");
        String casual = writer.write(List.of("More formal, and add a title", "more casual please, no title"), 2);
        assertThat(casual).startsWith("So, sourdough - let's dig in.");
    }

    @Test
    void aRetryChangesTheOpening() {
        assertThat(writer.write(List.of(), 1)).isNotEqualTo(writer.write(List.of(), 0));
        assertThat(writer.write(List.of(), 2)).isEqualTo(writer.write(List.of(), 0));
    }
}
