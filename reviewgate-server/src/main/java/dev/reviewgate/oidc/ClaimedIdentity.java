package dev.reviewgate.oidc;

import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who a verified ID token says the person is, with the groups its groups claim lists. A group named
 * as a path ({@code /reviewers}, as Keycloak can send it) also counts under its last segment.
 */
record ClaimedIdentity(
        String issuer, String subject, String email, boolean emailVerified, String name, Set<String> groups) {

    static final int MAX_GROUPS = 500;
    static final int MAX_TEXT = 200;

    static ClaimedIdentity of(IDTokenClaimsSet claims, String groupsClaim) {
        String email = claims.getStringClaim("email");
        Boolean verified = claims.getBooleanClaim("email_verified");
        String name = firstPresent(claims.getStringClaim("name"), claims.getStringClaim("preferred_username"), email);
        return new ClaimedIdentity(
                claims.getIssuer().getValue(),
                claims.getSubject().getValue(),
                email == null ? null : email.trim(),
                Boolean.TRUE.equals(verified),
                name == null ? null : cut(name),
                groups(claims.getClaim(groupsClaim)));
    }

    /** True when the person is in any of {@code adminGroups}. */
    boolean inAny(Collection<String> adminGroups) {
        return adminGroups.stream().anyMatch(groups::contains);
    }

    private static Set<String> groups(Object claim) {
        Set<String> out = new LinkedHashSet<>();
        List<?> values = claim instanceof Collection<?> c ? List.copyOf(c) : claim == null ? List.of() : List.of(claim);
        for (Object value : values) {
            if (value instanceof String name
                    && !name.isBlank()
                    && name.length() <= MAX_TEXT
                    && out.size() < MAX_GROUPS) {
                out.add(name);
                int slash = name.lastIndexOf('/');
                if (slash >= 0 && slash < name.length() - 1) {
                    out.add(name.substring(slash + 1));
                }
            }
        }
        return out;
    }

    private static String firstPresent(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }

    private static String cut(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }
}
