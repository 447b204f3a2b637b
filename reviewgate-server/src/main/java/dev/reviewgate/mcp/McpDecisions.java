package dev.reviewgate.mcp;

import dev.reviewgate.kernel.Principal;
import dev.reviewgate.review.ReviewAddress;
import dev.reviewgate.review.ReviewCommands;
import dev.reviewgate.review.ReviewRequests;
import dev.reviewgate.review.Verdict;

/**
 * The one place MCP tools change a review through {@link ReviewCommands}, so that the channel they
 * record ({@code via: mcp}) comes with the principal, which {@link McpAccess} marks {@link
 * dev.reviewgate.kernel.Via#MCP}.
 */
final class McpDecisions {

    private final ReviewCommands commands;

    McpDecisions(ReviewCommands commands) {
        this.commands = commands;
    }

    ReviewCommands.Appended append(Principal p, ReviewAddress address, ReviewRequests.Append request) {
        return commands.append(p, address, request);
    }

    ReviewCommands.Decided decide(Principal p, ReviewAddress address, boolean approve, ReviewRequests.Decide request) {
        return commands.decide(p, address, approve ? Verdict.APPROVED : Verdict.REJECTED, request);
    }
}
