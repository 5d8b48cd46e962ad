package com.tabletalk.account;

import java.util.List;

/** What the console API returns: never internal ids, password hashes or tokens. */
public final class ConsoleViews {

    private ConsoleViews() {}

    public record RestaurantSummary(String slug, String name) {}

    public record UserView(String email, Role role, List<RestaurantSummary> restaurants) {}

    public record UserResponse(UserView user) {}

    public record LinkResponse(String link, boolean emailed) {}
}
