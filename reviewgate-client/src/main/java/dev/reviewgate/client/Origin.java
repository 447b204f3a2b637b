package dev.reviewgate.client;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** How a version came to be. */
public enum Origin {
    /** Produced by the model or agent (the first version, and every update after instructions). */
    @JsonProperty("model_output")
    MODEL_OUTPUT,
    /** A correction made by a person. */
    @JsonProperty("human_edit")
    HUMAN_EDIT,
    /** A correction made by an agent. */
    @JsonProperty("agent_edit")
    AGENT_EDIT,
    /** An origin this SDK version does not know yet. */
    @JsonEnumDefaultValue
    UNKNOWN
}
