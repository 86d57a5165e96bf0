package ch.ontrack.provider.audit;

/**
 * What an audit entry records. Stored by name: add new ones at will, never rename (old entries keep their name).
 * The provider app shows each with its own words (messages {@code auditType_<NAME>}).
 */
public enum AuditType {
    SIGN_IN,
    SIGN_IN_FAILED,
    SIGNED_OUT_EVERYWHERE,
    PASSWORD_CHANGED,
    PASSWORD_RESET,
    EMAIL_CHANGED,
    EMAIL_VERIFIED,
    TWO_FACTOR_ENABLED,
    TWO_FACTOR_DISABLED,
    RECOVERY_CODE_USED,
    CLIENT_CREATED,
    CLIENT_DELETED,
    DOCUMENT_SENT,
    CODE_REGENERATED,
    SHARE_REVOKED,
    EXPIRY_CHANGED,
    /** Imported from the client backend's share events: the recipient unlocked the document. */
    CLIENT_VIEWED,
    /** Imported from the client backend's share events: the recipient downloaded a file. */
    CLIENT_DOWNLOADED,
    /** Imported: a wrong access code was typed on the client side. */
    CLIENT_CODE_FAILED,
    /** Imported: the share locked after too many wrong codes. */
    CLIENT_LOCKED
}
