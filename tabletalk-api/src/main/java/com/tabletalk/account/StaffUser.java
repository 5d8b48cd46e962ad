package com.tabletalk.account;

import java.security.Principal;
import java.util.Set;

/**
 * The signed-in console user, as loaded for each request: changes to their memberships count from the next request.
 *
 * @param restaurantIds the restaurants they manage (an admin may have none and still sees all)
 */
public record StaffUser(long id, String email, Role role, Set<Long> restaurantIds) implements Principal {

    public StaffUser {
        restaurantIds = Set.copyOf(restaurantIds);
    }

    @Override
    public String getName() {
        return email;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean manages(long restaurantId) {
        return restaurantIds.contains(restaurantId);
    }

    /** The managed restaurants as a SQL array parameter, for conditions like {@code id = ANY(:mine)}. */
    public long[] restaurantIdArray() {
        return restaurantIds.stream().mapToLong(Long::longValue).sorted().toArray();
    }
}
