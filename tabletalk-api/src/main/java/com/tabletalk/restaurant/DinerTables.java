package com.tabletalk.restaurant;

import com.tabletalk.common.ApiException;
import com.tabletalk.common.ErrorCode;
import com.tabletalk.question.Context;
import com.tabletalk.session.RegisteredTable;
import com.tabletalk.session.RegisteredTables;
import java.util.Arrays;
import java.util.regex.Pattern;

/** The tables diners scan: what the welcome screen shows and where a session starts. */
public class DinerTables implements RegisteredTables {

    /** The shape migration 007 allows for a slug; anything else cannot be a restaurant. */
    static final Pattern SLUG = Pattern.compile("[a-z0-9]([a-z0-9-]{0,46}[a-z0-9])?");

    private final TableDao tables;

    public DinerTables(TableDao tables) {
        this.tables = tables;
    }

    @Override
    public RegisteredTable open(String restaurantSlug, String tableLabel) {
        if (!isSlug(restaurantSlug) || !TableLabels.isValid(tableLabel)) {
            throw unknown();
        }
        DinerTableRow row = tables.findForDiner(restaurantSlug, tableLabel).orElseThrow(DinerTables::unknown);
        if (!row.restaurantActive()) {
            throw new ApiException(
                    ErrorCode.INACTIVE,
                    "This restaurant no longer uses Table-Talk codes. You can still play as a walk-in table.");
        }
        if (row.tableId() == null) {
            throw unknown();
        }
        if (!row.tableActive()) {
            throw new ApiException(
                    ErrorCode.INACTIVE,
                    "This table's code is no longer in use. You can still play as a walk-in table.");
        }
        return new RegisteredTable(
                row.restaurantId(),
                row.tableId(),
                row.slug(),
                row.name(),
                row.label(),
                Arrays.stream(Context.values())
                        .filter(context -> row.contexts().contains(context.wire()))
                        .toList());
    }

    /** Whether a restaurant could have this slug: its shape and length. */
    public static boolean isSlug(String slug) {
        return slug != null && SLUG.matcher(slug).matches();
    }

    private static ApiException unknown() {
        return ApiException.notFound("No restaurant has a table with that code.");
    }
}
