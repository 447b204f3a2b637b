package dev.reviewgate.ui.review;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Agent output as Markdown, rendered for reviewers without trusting it: commonmark escapes raw
 * HTML and drops unsafe URLs, images become "load image" buttons (so nothing is fetched from
 * another host until the reviewer asks), and the OWASP sanitizer has the last word on what HTML
 * survives: formatting, tables and http/https/mailto links only.
 */
public final class Markdown {

    private static final Pattern HTTP_URL = Pattern.compile("^https?://[^\\s\"'<>]+$");
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .nodeRendererFactory(ImagePlaceholder::new)
            .build();
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(Sanitizers.LINKS)
            .and(new HtmlPolicyBuilder()
                    .allowElements("pre", "code", "hr", "del", "button")
                    .allowAttributes("class")
                    .matching(Pattern.compile("^remote-image$"))
                    .onElements("button")
                    .allowAttributes("type")
                    .matching(Pattern.compile("^button$"))
                    .onElements("button")
                    .allowAttributes("data-src")
                    .matching(HTTP_URL)
                    .onElements("button")
                    .toFactory());

    private Markdown() {}

    /** Safe HTML for {@code source}. */
    public static String render(String source) {
        return POLICY.sanitize(RENDERER.render(PARSER.parse(source)));
    }

    /** Renders an image as a button that loads it on click; its URL is kept only when it is http(s). */
    private static final class ImagePlaceholder implements NodeRenderer {
        private final HtmlWriter html;

        ImagePlaceholder(HtmlNodeRendererContext context) {
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            Image image = (Image) node;
            String url = image.getDestination() == null ? "" : image.getDestination();
            Map<String, String> attrs = HTTP_URL.matcher(url).matches()
                    ? Map.of("type", "button", "class", "remote-image", "data-src", url)
                    : Map.of("type", "button", "class", "remote-image");
            html.tag("button", attrs);
            html.text("Load image" + (altText(image).isBlank() ? "" : ": " + altText(image)));
            html.tag("/button");
        }

        private static String altText(Image image) {
            StringBuilder out = new StringBuilder();
            for (Node child = image.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof Text text) {
                    out.append(text.getLiteral());
                }
            }
            return out.toString();
        }
    }
}
