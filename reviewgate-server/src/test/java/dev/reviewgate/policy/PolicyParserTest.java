package dev.reviewgate.policy;

import static dev.reviewgate.policy.Policies.json;
import static dev.reviewgate.policy.Policies.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.reviewgate.error.Problem;
import dev.reviewgate.error.Violation;
import dev.reviewgate.json.Json;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyParserTest {

    private static List<Violation> errors(String singleQuoted) {
        Problem problem = catchThrowableOfType(Problem.class, () -> policy(singleQuoted));
        assertThat(problem).as("expected a 422").isNotNull();
        assertThat(problem.status()).isEqualTo(422);
        return problem.errors();
    }

    private static Violation only(String singleQuoted) {
        List<Violation> errors = errors(singleQuoted);
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    @Test
    void absentPolicyIsAlways() {
        assertThat(PolicyParser.parse(null, "/reviewPolicy")).isEqualTo(new Predicate.Always());
        assertThat(PolicyParser.parse(NullNode.getInstance(), "/reviewPolicy")).isEqualTo(new Predicate.Always());
        assertThat(PolicyParser.parse(MissingNode.getInstance(), "/reviewPolicy"))
                .isEqualTo(new Predicate.Always());
    }

    @Test
    void defaultsFillOptionalMembers() {
        assertThat(policy("{'kind':'confidence_lt','threshold':0.8}"))
                .isEqualTo(new Predicate.ConfidenceLt(new BigDecimal("0.8"), "confidence"));
        assertThat(policy("{'kind':'category_in','categories':['a']}"))
                .isEqualTo(new Predicate.CategoryIn(List.of("a"), "category"));
    }

    @Test
    void nonObjectPolicyIsRefused() {
        assertThat(only("'always'").pointer()).isEqualTo("/reviewPolicy");
    }

    @Test
    void missingKindIsReportedAtKind() {
        assertThat(only("{}").pointer()).isEqualTo("/reviewPolicy/kind");
    }

    @Test
    void unknownKindIsReportedAtKind() {
        Violation v = only("{'kind':'sometimes'}");
        assertThat(v.pointer()).isEqualTo("/reviewPolicy/kind");
        assertThat(v.message()).contains("sometimes").contains("confidence_lt");
    }

    @Test
    void unknownMemberIsReportedAtThatMember() {
        assertThat(only("{'kind':'always','threshold':1}").pointer()).isEqualTo("/reviewPolicy/threshold");
    }

    @Test
    void wrongTypedThresholdInsideAListIsReportedPrecisely() {
        assertThat(only("{'kind':'any_of','predicates':[{'kind':'always'},{'kind':'confidence_lt','threshold':'0.8'}]}")
                        .pointer())
                .isEqualTo("/reviewPolicy/predicates/1/threshold");
    }

    @Test
    void missingThresholdIsRequired() {
        assertThat(only("{'kind':'confidence_lt'}").pointer()).isEqualTo("/reviewPolicy/threshold");
    }

    @Test
    void emptySignalNameIsRefused() {
        assertThat(only("{'kind':'confidence_lt','threshold':1,'signal':''}").pointer())
                .isEqualTo("/reviewPolicy/signal");
    }

    @Test
    void nonStringCategoryIsReportedAtItsIndex() {
        assertThat(only("{'kind':'category_in','categories':['a',2]}").pointer())
                .isEqualTo("/reviewPolicy/categories/1");
    }

    @Test
    void emptyCategoriesAreRefused() {
        assertThat(only("{'kind':'category_in','categories':[]}").pointer()).isEqualTo("/reviewPolicy/categories");
    }

    @Test
    void emptyPredicateListIsRefused() {
        assertThat(only("{'kind':'all_of','predicates':[]}").pointer()).isEqualTo("/reviewPolicy/predicates");
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        assertThat(errors("{'kind':'any_of','predicates':[{'kind':'nope'},{'kind':'always','x':1}]}"))
                .extracting(Violation::pointer)
                .containsExactly("/reviewPolicy/predicates/0/kind", "/reviewPolicy/predicates/1/x");
    }

    @Test
    void nestingDeeperThanTheCapIsRefused() {
        String deep = "{'kind':'always'}";
        for (int i = 0; i < ParseContext.MAX_DEPTH; i++) {
            deep = "{'kind':'any_of','predicates':[" + deep + "]}";
        }
        Violation v = only(deep);
        assertThat(v.pointer()).isEqualTo("/reviewPolicy" + "/predicates/0".repeat(ParseContext.MAX_DEPTH));
        assertThat(v.message()).contains("deeper than 16");
    }

    @Test
    void nestingAtTheCapIsAccepted() {
        String deep = "{'kind':'always'}";
        for (int i = 1; i < ParseContext.MAX_DEPTH; i++) {
            deep = "{'kind':'any_of','predicates':[" + deep + "]}";
        }
        assertThat(policy(deep)).isInstanceOf(Predicate.AnyOf.class);
    }

    @Test
    void tooManyNodesIsReportedOnce() {
        String many = String.join(",", Collections.nCopies(ParseContext.MAX_NODES, "{'kind':'always'}"));
        Violation v = only("{'kind':'any_of','predicates':[" + many + "]}");
        assertThat(v.pointer()).isEqualTo("/reviewPolicy/predicates/" + (ParseContext.MAX_NODES - 1));
    }

    @Test
    void conditionNeedsExactlyOneShape() {
        assertThat(only("{'kind':'json_condition','condition':{'all':[],'not':{}}}")
                        .pointer())
                .isEqualTo("/reviewPolicy/condition");
    }

    @Test
    void conditionPathMustBeRootedAtSnapshotOrSignals() {
        assertThat(only("{'kind':'json_condition','condition':{'path':'/total','op':'exists'}}")
                        .pointer())
                .isEqualTo("/reviewPolicy/condition/path");
        assertThat(only("{'kind':'json_condition','condition':{'path':'snapshot/total','op':'exists'}}")
                        .pointer())
                .isEqualTo("/reviewPolicy/condition/path");
    }

    @Test
    void unknownOpIsReportedAtOp() {
        assertThat(only("{'kind':'json_condition','condition':{'path':'/snapshot/a','op':'like','value':1}}")
                        .pointer())
                .isEqualTo("/reviewPolicy/condition/op");
    }

    @Test
    void comparisonNeedsANumber() {
        assertThat(only("{'kind':'json_condition','condition':{'all':[{'path':'/snapshot/a','op':'exists'},"
                                + "{'path':'/snapshot/a','op':'gt','value':'10'}]}}")
                        .pointer())
                .isEqualTo("/reviewPolicy/condition/all/1/value");
    }

    @Test
    void existsRefusesAValue() {
        assertThat(only("{'kind':'json_condition','condition':{'not':{'path':'/snapshot/a','op':'exists','value':1}}}")
                        .pointer())
                .isEqualTo("/reviewPolicy/condition/not/value");
    }

    @Test
    void inNeedsAnArray() {
        assertThat(only("{'kind':'json_condition','condition':{'path':'/snapshot/a','op':'in','value':'x'}}")
                        .pointer())
                .isEqualTo("/reviewPolicy/condition/value");
    }

    @Test
    void invalidRegexIsRefused() {
        Violation v = only("{'kind':'json_condition','condition':{'path':'/snapshot/a','op':'matches','value':'(['}}");
        assertThat(v.pointer()).isEqualTo("/reviewPolicy/condition/value");
        assertThat(v.message()).contains("regular expression");
    }

    @Test
    void overlongRegexIsRefused() {
        String pattern = "a".repeat(ConditionParser.MAX_PATTERN + 1);
        assertThat(only("{'kind':'json_condition','condition':{'path':'/snapshot/a','op':'matches','value':'" + pattern
                                + "'}}")
                        .pointer())
                .isEqualTo("/reviewPolicy/condition/value");
    }

    @Test
    void conditionDepthCountsTowardTheCap() {
        String cond = "{'path':'/snapshot/a','op':'exists'}";
        for (int i = 0; i < ParseContext.MAX_DEPTH - 1; i++) {
            cond = "{'not':" + cond + "}";
        }
        Violation v = only("{'kind':'json_condition','condition':" + cond + "}");
        assertThat(v.pointer()).isEqualTo("/reviewPolicy/condition" + "/not".repeat(ParseContext.MAX_DEPTH - 1));
    }

    @Test
    void pointerTokensAreEscaped() {
        assertThat(only("{'kind':'always','a/b':1}").pointer()).isEqualTo("/reviewPolicy/a~1b");
    }

    @Test
    void toJsonOmitsDefaults() {
        assertThat(PolicyParser.toJson(policy("{'kind':'confidence_lt','threshold':0.8,'signal':'confidence'}")))
                .isEqualTo(json("{'kind':'confidence_lt','threshold':0.8}"));
    }

    @Test
    void everyKindRoundTrips() {
        Predicate p = policy("{'kind':'any_of','predicates':[{'kind':'always'},{'kind':'validation_failed'},"
                + "{'kind':'confidence_lt','threshold':0.80,'signal':'ocr'},{'kind':'confidence_lt','threshold':1},"
                + "{'kind':'category_in','categories':['a','b'],'field':'type'},{'kind':'any_required_field_null'},"
                + "{'kind':'all_of','predicates':[{'kind':'json_condition','condition':{'any':["
                + "{'all':[{'path':'/snapshot/total','op':'gte','value':1e3},{'path':'/signals/x','op':'not_exists'}]},"
                + "{'not':{'path':'/snapshot/tags','op':'contains','value':{'k':[1,null]}}},"
                + "{'path':'/snapshot/id','op':'matches','value':'^INV-'},"
                + "{'path':'/snapshot/c','op':'not_in','value':['x',1.5]}]}}]}]}");
        assertThat(PolicyParser.parse(PolicyParser.toJson(p), "")).isEqualTo(p);
    }

    @Test
    void roundTripSurvivesSerialisationToText() throws Exception {
        Predicate p = policy("{'kind':'confidence_lt','threshold':0.750}");
        String text = Json.write(PolicyParser.toJson(p));
        assertThat(PolicyParser.parse(Json.parse(text), "")).isEqualTo(p);
    }
}
