package com.tabletalk.account;

/**
 * What a console user may do. The names are what {@code @RolesAllowed} and the database use; a read-only staff role
 * would be one more constant here and in the migration's checks.
 */
public enum Role {
    /** Runs Table-Talk: every restaurant, restaurants themselves, the audit log. */
    ADMIN,
    /** Manages the restaurants of their memberships. */
    MANAGER;

    /** For {@code @RolesAllowed}, which takes constant strings. */
    public static final String ADMIN_NAME = "ADMIN";
}
