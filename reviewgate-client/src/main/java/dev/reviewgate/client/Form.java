package dev.reviewgate.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One revision of a form (review template), as the server normalised it.
 *
 * @param id           the form id
 * @param name         its name
 * @param revision     the revision number, 1 for the first
 * @param fields       the field definitions with every default spelled out
 * @param blockType    the Retab block preset it was expanded from, or null
 * @param reviewPolicy the review policy, or null
 * @param webhookUrl   the default webhook URL of its reviews, or null
 * @param createdAt    when the form was created
 * @param updatedAt    when this revision was made
 */
public record Form(
        String id,
        String name,
        int revision,
        JsonNode fields,
        String blockType,
        JsonNode reviewPolicy,
        String webhookUrl,
        Instant createdAt,
        Instant updatedAt) {}
