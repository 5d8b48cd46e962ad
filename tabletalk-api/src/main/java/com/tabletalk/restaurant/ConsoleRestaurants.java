package com.tabletalk.restaurant;

import com.fasterxml.jackson.databind.JsonNode;
import com.tabletalk.account.AccountService;
import com.tabletalk.account.AuditLog;
import com.tabletalk.account.StaffUser;
import com.tabletalk.common.ApiException;
import com.tabletalk.common.ErrorCode;
import com.tabletalk.question.Context;
import com.tabletalk.restaurant.ConsoleRestaurantDao.RestaurantRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Restaurants and their managers as the console changes them. Every lookup is scoped to the caller in SQL; a
 * restaurant outside the caller's scope is "not found", never "forbidden".
 */
public class ConsoleRestaurants {

    private static final String NOT_FOUND = "There is no such restaurant.";

    private final ConsoleRestaurantDao restaurants;
    private final AccountService accounts;
    private final AuditLog audit;

    public ConsoleRestaurants(ConsoleRestaurantDao restaurants, AccountService accounts, AuditLog audit) {
        this.restaurants = restaurants;
        this.accounts = accounts;
        this.audit = audit;
    }

    public List<RestaurantRow> visible(StaffUser user) {
        return restaurants.visible(user.isAdmin(), user.restaurantIdArray());
    }

    /** A restaurant the user may act for, or 404. */
    public RestaurantRow find(StaffUser user, String slug) {
        return restaurants
                .find(slug, user.isAdmin(), user.restaurantIdArray())
                .orElseThrow(() -> ApiException.notFound(NOT_FOUND));
    }

    public RestaurantRow create(StaffUser admin, String name, String slug, String timeZone) {
        String checkedName = RestaurantInput.name(name);
        String checkedSlug = slug == null ? RestaurantInput.slugFrom(checkedName) : RestaurantInput.slug(slug);
        String checkedZone = RestaurantInput.timeZone(timeZone);
        RestaurantRow created = restaurants
                .insert(checkedSlug, checkedName, checkedZone)
                .orElseThrow(() -> new ApiException(
                        ErrorCode.CONFLICT, "The slug \"" + checkedSlug + "\" is taken; choose another."));
        audit.record(admin, "restaurant.created", created.id(), Map.of("slug", created.slug(), "name", created.name()));
        return created;
    }

    /**
     * Changes name, time zone, the recommendation setting, the contexts offered or (admins only) the active flag;
     * null leaves a value as it is. The recommendation setting is given as JSON, where null (the platform's
     * default) is a value.
     */
    public RestaurantRow update(
            StaffUser user,
            String slug,
            String name,
            String timeZone,
            Boolean active,
            JsonNode recommendAfterCards,
            List<String> contexts) {
        if (name == null && timeZone == null && active == null && recommendAfterCards == null && contexts == null) {
            throw ApiException.invalid("Send name, timeZone, recommendAfterCards, contexts or active to change.");
        }
        if (active != null && !user.isAdmin()) {
            find(user, slug);
            throw new ApiException(ErrorCode.FORBIDDEN, "Only an admin can activate or deactivate a restaurant.");
        }
        String checkedName = name == null ? null : RestaurantInput.name(name);
        String checkedZone = timeZone == null ? null : RestaurantInput.timeZone(timeZone);
        boolean setRecommend = recommendAfterCards != null;
        Integer checkedRecommend = setRecommend ? RestaurantInput.recommendAfterCards(recommendAfterCards) : null;
        List<String> checkedContexts = contexts == null
                ? null
                : RestaurantInput.contexts(contexts).stream().map(Context::wire).toList();
        RestaurantRow updated = restaurants
                .update(
                        slug,
                        user.isAdmin(),
                        user.restaurantIdArray(),
                        checkedName,
                        checkedZone,
                        active,
                        setRecommend,
                        checkedRecommend,
                        checkedContexts != null,
                        checkedContexts == null ? new String[0] : checkedContexts.toArray(String[]::new))
                .orElseThrow(() -> ApiException.notFound(NOT_FOUND));
        Map<String, Object> changes = new LinkedHashMap<>();
        if (checkedName != null) {
            changes.put("name", checkedName);
        }
        if (checkedZone != null) {
            changes.put("timeZone", checkedZone);
        }
        if (active != null) {
            changes.put("active", active);
        }
        if (setRecommend) {
            changes.put("recommendAfterCards", checkedRecommend);
        }
        if (checkedContexts != null) {
            changes.put("contexts", checkedContexts);
        }
        audit.record(user, "restaurant.updated", updated.id(), changes);
        return updated;
    }

    public List<String> managers(StaffUser user, String slug) {
        return accounts.managerEmails(find(user, slug).id());
    }

    public void removeManager(StaffUser user, String slug, String email) {
        accounts.removeManager(user, find(user, slug).id(), email);
    }
}
