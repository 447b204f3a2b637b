package dev.reviewgate.audit;

/** The actions the audit log records, named {@code <subject>.<what happened>}. */
public final class AuditActions {

    public static final String ACCOUNT_CREATED = "account.created";
    public static final String SIGNED_IN = "session.signed_in";
    public static final String SIGN_IN_FAILED = "session.sign_in_failed";
    public static final String SIGNED_OUT = "session.signed_out";
    public static final String API_KEY_CREATED = "api_key.created";
    public static final String API_KEY_REVOKED = "api_key.revoked";
    public static final String USER_CREATED = "user.created";
    public static final String USER_UPDATED = "user.updated";
    public static final String USER_PROVISIONED = "user.provisioned";
    public static final String USER_LINKED = "user.identity_linked";
    public static final String USER_SYNCED = "user.identity_synced";
    public static final String GROUP_CREATED = "group.created";
    public static final String GROUP_REPLACED = "group.replaced";
    public static final String GROUP_DELETED = "group.deleted";
    public static final String FORM_CREATED = "form.created";
    public static final String FORM_REVISED = "form.revised";
    public static final String WEBHOOK_CREATED = "webhook.created";
    public static final String WEBHOOK_DELETED = "webhook.deleted";
    public static final String WEBHOOK_SECRET_ROTATED = "webhook.secret_rotated";
    public static final String SIGNING_SECRET_ROTATED = "signing_secret.rotated";
    public static final String DELIVERY_REDELIVERED = "delivery.redelivered";
    public static final String REVIEW_APPROVED = "review.approved";
    public static final String REVIEW_REJECTED = "review.rejected";

    private AuditActions() {}
}
