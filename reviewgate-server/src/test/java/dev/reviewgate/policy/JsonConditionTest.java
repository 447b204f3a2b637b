package dev.reviewgate.policy;

import static dev.reviewgate.policy.Policies.holds;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonConditionTest {

    @Test
    void gtFiresAboveTheValue() {
        assertThat(holds("{'path':'/snapshot/total','op':'gt','value':1000}", "{'total':1000.5}"))
                .isTrue();
    }

    @Test
    void gtDoesNotFireAtTheValue() {
        assertThat(holds("{'path':'/snapshot/total','op':'gt','value':1000}", "{'total':1000}"))
                .isFalse();
    }

    @Test
    void gteLtLteCompareAsDecimals() {
        assertThat(holds("{'path':'/snapshot/n','op':'gte','value':1}", "{'n':1.00}"))
                .isTrue();
        assertThat(holds("{'path':'/snapshot/n','op':'lt','value':0.3}", "{'n':0.29999999999999999999}"))
                .isTrue();
        assertThat(holds("{'path':'/snapshot/n','op':'lte','value':-2}", "{'n':-1}"))
                .isFalse();
    }

    @Test
    void gtOnAStringDoesNotFire() {
        assertThat(holds("{'path':'/snapshot/total','op':'gt','value':1}", "{'total':'5000'}"))
                .isFalse();
    }

    @Test
    void ltOnAMissingValueDoesNotFire() {
        assertThat(holds("{'path':'/snapshot/total','op':'lt','value':1}", "{}"))
                .isFalse();
    }

    @Test
    void eqComparesNumbersByValue() {
        assertThat(holds("{'path':'/snapshot/n','op':'eq','value':1}", "{'n':1.0}"))
                .isTrue();
    }

    @Test
    void eqComparesStringsAndObjectsDeeply() {
        assertThat(holds("{'path':'/snapshot/s','op':'eq','value':'paid'}", "{'s':'paid'}"))
                .isTrue();
        assertThat(holds("{'path':'/snapshot/o','op':'eq','value':{'a':[1,2]}}", "{'o':{'a':[1.0,2]}}"))
                .isTrue();
        assertThat(holds("{'path':'/snapshot/s','op':'eq','value':'1'}", "{'s':1}"))
                .isFalse();
    }

    @Test
    void neFiresOnADifferentValue() {
        assertThat(holds("{'path':'/snapshot/s','op':'ne','value':'paid'}", "{'s':'due'}"))
                .isTrue();
    }

    @Test
    void neDoesNotFireOnAMissingValue() {
        assertThat(holds("{'path':'/snapshot/s','op':'ne','value':'paid'}", "{}"))
                .isFalse();
    }

    @Test
    void inFiresWhenTheValueIsListed() {
        assertThat(holds("{'path':'/snapshot/c','op':'in','value':['eur','usd']}", "{'c':'usd'}"))
                .isTrue();
        assertThat(holds("{'path':'/snapshot/c','op':'in','value':['eur','usd']}", "{'c':'gbp'}"))
                .isFalse();
    }

    @Test
    void notInFiresWhenTheValueIsNotListed() {
        assertThat(holds("{'path':'/snapshot/c','op':'not_in','value':['eur','usd']}", "{'c':'gbp'}"))
                .isTrue();
        assertThat(holds("{'path':'/snapshot/c','op':'not_in','value':['eur','usd']}", "{}"))
                .isFalse();
    }

    @Test
    void existsTreatsNullAsPresent() {
        assertThat(holds("{'path':'/snapshot/a','op':'exists'}", "{'a':null}")).isTrue();
        assertThat(holds("{'path':'/snapshot/a','op':'exists'}", "{}")).isFalse();
    }

    @Test
    void notExistsFiresOnAMissingValue() {
        assertThat(holds("{'path':'/snapshot/a','op':'not_exists'}", "{'b':1}")).isTrue();
        assertThat(holds("{'path':'/snapshot/a','op':'not_exists'}", "{'a':1}")).isFalse();
    }

    @Test
    void containsFindsASubstring() {
        assertThat(holds("{'path':'/snapshot/t','op':'contains','value':'refund'}", "{'t':'full refund now'}"))
                .isTrue();
        assertThat(holds("{'path':'/snapshot/t','op':'contains','value':'refund'}", "{'t':'credit'}"))
                .isFalse();
    }

    @Test
    void containsFindsAnArrayElement() {
        assertThat(holds("{'path':'/snapshot/tags','op':'contains','value':2}", "{'tags':[1,2.0,3]}"))
                .isTrue();
    }

    @Test
    void containsOnANumberDoesNotFire() {
        assertThat(holds("{'path':'/snapshot/n','op':'contains','value':'1'}", "{'n':123}"))
                .isFalse();
    }

    @Test
    void matchesFindsThePatternAnywhere() {
        assertThat(holds("{'path':'/snapshot/id','op':'matches','value':'INV-[0-9]+'}", "{'id':'ref INV-991'}"))
                .isTrue();
        assertThat(holds("{'path':'/snapshot/id','op':'matches','value':'^INV-[0-9]+$'}", "{'id':'ref INV-991'}"))
                .isFalse();
    }

    @Test
    void matchesOnANonStringDoesNotFire() {
        assertThat(holds("{'path':'/snapshot/id','op':'matches','value':'9'}", "{'id':991}"))
                .isFalse();
    }

    @Test
    void matchesIgnoresStringsLongerThanTheLimit() {
        String big = "x".repeat(ConditionEvaluator.MAX_MATCH_INPUT + 1);
        assertThat(holds("{'path':'/snapshot/t','op':'matches','value':'x'}", "{'t':'" + big + "'}"))
                .isFalse();
    }

    @Test
    void aTooCostlyMatchDoesNotFire() {
        String input = "a".repeat(5_000) + "!";
        assertThat(holds("{'path':'/snapshot/t','op':'matches','value':'(a+)+b'}", "{'t':'" + input + "'}"))
                .isFalse();
    }

    @Test
    void pathsReachSignalsAndArrayElements() {
        assertThat(holds("{'path':'/signals/risk','op':'eq','value':'high'}", "{}", "{'risk':'high'}"))
                .isTrue();
        assertThat(holds("{'path':'/snapshot/items/1/qty','op':'gt','value':5}", "{'items':[{'qty':1},{'qty':9}]}"))
                .isTrue();
    }

    @Test
    void allNeedsEveryChild() {
        String all = "{'all':[{'path':'/snapshot/a','op':'eq','value':1},{'path':'/snapshot/b','op':'eq','value':2}]}";
        assertThat(holds(all, "{'a':1,'b':2}")).isTrue();
        assertThat(holds(all, "{'a':1,'b':3}")).isFalse();
    }

    @Test
    void anyNeedsOneChild() {
        String any = "{'any':[{'path':'/snapshot/a','op':'eq','value':1},{'path':'/snapshot/b','op':'eq','value':2}]}";
        assertThat(holds(any, "{'a':0,'b':2}")).isTrue();
        assertThat(holds(any, "{'a':0,'b':0}")).isFalse();
    }

    @Test
    void notInvertsItsChild() {
        assertThat(holds("{'not':{'path':'/snapshot/a','op':'exists'}}", "{}")).isTrue();
        assertThat(holds("{'not':{'path':'/snapshot/a','op':'exists'}}", "{'a':1}"))
                .isFalse();
    }

    @Test
    void nestedCombinatorsCompose() {
        String cond = "{'any':[{'all':[{'path':'/snapshot/total','op':'gt','value':1000},"
                + "{'not':{'path':'/signals/trusted','op':'eq','value':true}}]},"
                + "{'path':'/snapshot/currency','op':'not_in','value':['EUR']}]}";
        assertThat(holds(cond, "{'total':5000,'currency':'EUR'}", "{'trusted':false}"))
                .isTrue();
        assertThat(holds(cond, "{'total':5000,'currency':'EUR'}", "{'trusted':true}"))
                .isFalse();
        assertThat(holds(cond, "{'total':5,'currency':'USD'}", "{'trusted':true}"))
                .isTrue();
    }
}
