package com.tabletalk.restaurant;

import com.tabletalk.restaurant.ConsoleRestaurantDao.RestaurantRow;
import java.util.List;

/** What the console API returns about restaurants: never internal ids. */
final class RestaurantViews {

    private RestaurantViews() {}

    record RestaurantView(String slug, String name, String timeZone, boolean active) {
        static RestaurantView of(RestaurantRow row) {
            return new RestaurantView(row.slug(), row.name(), row.timeZone(), row.active());
        }
    }

    record RestaurantResponse(RestaurantView restaurant) {}

    record RestaurantsResponse(List<RestaurantView> restaurants) {}
}
