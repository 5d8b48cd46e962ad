package com.tabletalk.restaurant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.tabletalk.restaurant.ConsoleRestaurantDao.RestaurantRow;
import java.util.List;

/** What the console API returns about restaurants: never internal ids. */
final class RestaurantViews {

    private RestaurantViews() {}

    /**
     * {@code recommendAfterCards} is the restaurant's own setting (null: the platform's), {@code
     * defaultRecommendAfterCards} the platform's, so the console can show what applies; {@code contexts} the kinds
     * of questions its tables offer.
     */
    record RestaurantView(
            String slug,
            String name,
            String timeZone,
            boolean active,
            @JsonInclude(JsonInclude.Include.ALWAYS) Integer recommendAfterCards,
            int defaultRecommendAfterCards,
            List<String> contexts) {
        static RestaurantView of(RestaurantRow row, int defaultRecommendAfterCards) {
            return new RestaurantView(
                    row.slug(),
                    row.name(),
                    row.timeZone(),
                    row.active(),
                    row.recommendAfterCards(),
                    defaultRecommendAfterCards,
                    row.contexts());
        }
    }

    record RestaurantResponse(RestaurantView restaurant) {}

    record RestaurantsResponse(List<RestaurantView> restaurants) {}
}
