package dev.reviewgate.policy;

import static dev.reviewgate.policy.Policies.evaluate;
import static dev.reviewgate.policy.Policies.input;
import static dev.reviewgate.policy.Policies.json;
import static dev.reviewgate.policy.Policies.policy;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyEvaluatorTest {

    @Test
    void alwaysFires() {
        assertThat(evaluate("{'kind':'always'}", "{}", "{}")).contains(new Predicate.Always());
    }

    @Test
    void validationFailedFiresWhenTheCallerSaysSo() {
        PolicyInput failed = new PolicyInput(json("{}"), json("{}"), true, Set.of());
        assertThat(PolicyEvaluator.evaluate(new Predicate.ValidationFailed(), failed))
                .contains(new Predicate.ValidationFailed());
    }

    @Test
    void validationFailedDoesNotFireOnValidOutput() {
        assertThat(evaluate("{'kind':'validation_failed'}", "{}", "{}")).isEmpty();
    }

    @Test
    void confidenceBelowThresholdFires() {
        assertThat(evaluate("{'kind':'confidence_lt','threshold':0.8}", "{}", "{'confidence':0.71}"))
                .isPresent();
    }

    @Test
    void confidenceAtThresholdDoesNotFire() {
        assertThat(evaluate("{'kind':'confidence_lt','threshold':0.8}", "{}", "{'confidence':0.80}"))
                .isEmpty();
    }

    @Test
    void missingConfidenceFiresBecauseTheGateFailsClosed() {
        assertThat(evaluate("{'kind':'confidence_lt','threshold':0.8}", "{}", "{}"))
                .isPresent();
    }

    @Test
    void nonNumericConfidenceFires() {
        assertThat(evaluate("{'kind':'confidence_lt','threshold':0.8}", "{}", "{'confidence':'high'}"))
                .isPresent();
    }

    @Test
    void confidenceReadsTheNamedSignal() {
        String policy = "{'kind':'confidence_lt','threshold':0.5,'signal':'ocr'}";
        assertThat(evaluate(policy, "{}", "{'ocr':0.4,'confidence':0.99}")).isPresent();
        assertThat(evaluate(policy, "{}", "{'ocr':0.6,'confidence':0.1}")).isEmpty();
    }

    @Test
    void absentSignalsObjectCountsAsEmpty() {
        PolicyInput noSignals = new PolicyInput(json("{}"), null, false, null);
        assertThat(PolicyEvaluator.evaluate(new Predicate.ConfidenceLt(new BigDecimal("0.8")), noSignals))
                .isPresent();
    }

    @Test
    void categoryInFiresOnAListedCategory() {
        assertThat(evaluate("{'kind':'category_in','categories':['refund','legal']}", "{'category':'legal'}", "{}"))
                .isPresent();
    }

    @Test
    void categoryInDoesNotFireOnAnotherCategory() {
        assertThat(evaluate("{'kind':'category_in','categories':['refund']}", "{'category':'booking'}", "{}"))
                .isEmpty();
    }

    @Test
    void categoryInDoesNotFireWhenTheCategoryIsMissingOrNotAString() {
        String policy = "{'kind':'category_in','categories':['1']}";
        assertThat(evaluate(policy, "{}", "{}")).isEmpty();
        assertThat(evaluate(policy, "{'category':1}", "{}")).isEmpty();
    }

    @Test
    void categoryInReadsTheNamedField() {
        assertThat(evaluate(
                        "{'kind':'category_in','categories':['x'],'field':'type'}",
                        "{'type':'x','category':'y'}",
                        "{}"))
                .isPresent();
    }

    @Test
    void requiredFieldNullFiresOnANullField() {
        PolicyInput in =
                new PolicyInput(json("{'title':'t','total':null}"), json("{}"), false, Set.of("title", "total"));
        assertThat(PolicyEvaluator.evaluate(new Predicate.AnyRequiredFieldNull(), in))
                .isPresent();
    }

    @Test
    void requiredFieldNullFiresOnAMissingField() {
        PolicyInput in = new PolicyInput(json("{'title':'t'}"), json("{}"), false, Set.of("title", "total"));
        assertThat(PolicyEvaluator.evaluate(new Predicate.AnyRequiredFieldNull(), in))
                .isPresent();
    }

    @Test
    void requiredFieldNullDoesNotFireWhenAllRequiredFieldsHaveValues() {
        PolicyInput in = new PolicyInput(
                json("{'title':'t','total':0,'note':null}"), json("{}"), false, Set.of("title", "total"));
        assertThat(PolicyEvaluator.evaluate(new Predicate.AnyRequiredFieldNull(), in))
                .isEmpty();
    }

    @Test
    void anyOfReportsTheFirstMatchingChild() {
        Predicate fired = evaluate(
                        "{'kind':'any_of','predicates':[{'kind':'validation_failed'},"
                                + "{'kind':'category_in','categories':['a']},{'kind':'always'}]}",
                        "{'category':'a'}",
                        "{}")
                .orElseThrow();
        assertThat(fired).isEqualTo(new Predicate.CategoryIn(List.of("a")));
    }

    @Test
    void anyOfDoesNotFireWhenNoChildFires() {
        assertThat(evaluate(
                        "{'kind':'any_of','predicates':[{'kind':'validation_failed'},"
                                + "{'kind':'confidence_lt','threshold':0.5}]}",
                        "{}",
                        "{'confidence':0.9}"))
                .isEmpty();
    }

    @Test
    void nestedAnyOfReportsItsOwnFirstMatch() {
        Predicate fired = evaluate(
                        "{'kind':'any_of','predicates':[{'kind':'validation_failed'},"
                                + "{'kind':'any_of','predicates':[{'kind':'confidence_lt','threshold':0.5},{'kind':'always'}]}]}",
                        "{}",
                        "{'confidence':0.9}")
                .orElseThrow();
        assertThat(fired).isEqualTo(new Predicate.Always());
    }

    @Test
    void allOfReportsItselfWhenEveryChildFires() {
        Predicate policy = policy("{'kind':'all_of','predicates':[{'kind':'category_in','categories':['a']},"
                + "{'kind':'confidence_lt','threshold':0.9}]}");
        assertThat(PolicyEvaluator.evaluate(policy, input("{'category':'a'}", "{'confidence':0.5}")))
                .contains(policy);
    }

    @Test
    void allOfDoesNotFireWhenOneChildDoesNot() {
        assertThat(evaluate(
                        "{'kind':'all_of','predicates':[{'kind':'category_in','categories':['a']},"
                                + "{'kind':'confidence_lt','threshold':0.9}]}",
                        "{'category':'a'}",
                        "{'confidence':0.95}"))
                .isEmpty();
    }

    @Test
    void anyOfInsideAllOfReportsTheAllOf() {
        Predicate policy = policy("{'kind':'all_of','predicates':[{'kind':'any_of','predicates':["
                + "{'kind':'validation_failed'},{'kind':'category_in','categories':['a']}]},"
                + "{'kind':'json_condition','condition':{'path':'/snapshot/total','op':'gt','value':100}}]}");
        assertThat(PolicyEvaluator.evaluate(policy, input("{'category':'a','total':150}", "{}")))
                .contains(policy);
        assertThat(PolicyEvaluator.evaluate(policy, input("{'category':'a','total':50}", "{}")))
                .isEmpty();
    }

    @Test
    void mentionsValidationFailedFindsItDeepInTheTree() {
        assertThat(PolicyEvaluator.mentionsValidationFailed(policy("{'kind':'any_of','predicates':[{'kind':'always'},"
                        + "{'kind':'all_of','predicates':[{'kind':'validation_failed'}]}]}")))
                .isTrue();
    }

    @Test
    void mentionsValidationFailedIsFalseWithoutIt() {
        assertThat(PolicyEvaluator.mentionsValidationFailed(policy(
                        "{'kind':'any_of','predicates':[{'kind':'always'}," + "{'kind':'any_required_field_null'}]}")))
                .isFalse();
    }
}
