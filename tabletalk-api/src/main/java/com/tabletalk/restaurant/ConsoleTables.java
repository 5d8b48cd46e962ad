package com.tabletalk.restaurant;

import com.tabletalk.account.AuditLog;
import com.tabletalk.account.StaffUser;
import com.tabletalk.common.ApiException;
import com.tabletalk.common.ErrorCode;
import com.tabletalk.common.FrontendLinks;
import com.tabletalk.restaurant.TableDao.ScopedRestaurant;
import com.tabletalk.restaurant.TableDao.TableRow;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** A restaurant's tables as its managers (and admins) see and change them in the console. */
public class ConsoleTables {

    public static final int MAX_NEW_TABLES = 500;
    private static final String UNIQUE_VIOLATION = "23505";

    private final TableDao tables;
    private final AuditLog audit;
    private final FrontendLinks links;

    public ConsoleTables(TableDao tables, AuditLog audit, FrontendLinks links) {
        this.tables = tables;
        this.audit = audit;
        this.links = links;
    }

    /** A table as the console lists it. */
    public record TableView(String label, String url, boolean active) {}

    /** The restaurant {@code slug} if the user may see it; 404 otherwise, whether or not it exists. */
    public ScopedRestaurant restaurant(StaffUser user, String slug) {
        if (slug == null || !DinerTables.SLUG.matcher(slug).matches()) {
            throw unknownRestaurant();
        }
        return tables.restaurant(slug, user.isAdmin(), user.restaurantIdArray())
                .orElseThrow(ConsoleTables::unknownRestaurant);
    }

    public List<TableView> list(StaffUser user, String slug) {
        ScopedRestaurant restaurant = restaurant(user, slug);
        return tables.tables(restaurant.slug(), user.isAdmin(), user.restaurantIdArray()).stream()
                .map(row -> view(restaurant, row))
                .toList();
    }

    /** Adds {@code count} tables numbered after the highest numbered one. */
    public List<TableView> addNumbered(StaffUser user, String slug, int count) {
        if (count < 1 || count > MAX_NEW_TABLES) {
            throw ApiException.invalid("count must be between 1 and " + MAX_NEW_TABLES + ".");
        }
        ScopedRestaurant restaurant = restaurant(user, slug);
        List<TableRow> added = unique(
                () -> tables.insertNumbered(restaurant.slug(), user.isAdmin(), user.restaurantIdArray(), count),
                "Another change added tables at the same moment; try again.");
        return recorded(user, restaurant, added);
    }

    /** Adds tables with the given labels, all or none. */
    public List<TableView> addLabelled(StaffUser user, String slug, List<String> rawLabels) {
        if (rawLabels.isEmpty() || rawLabels.size() > MAX_NEW_TABLES) {
            throw ApiException.invalid("labels must hold 1 to " + MAX_NEW_TABLES + " labels.");
        }
        Set<String> labels = new LinkedHashSet<>();
        for (String raw : rawLabels) {
            if (!labels.add(TableLabels.clean(raw))) {
                throw ApiException.invalid("The label \"" + raw.strip() + "\" is there twice.");
            }
        }
        ScopedRestaurant restaurant = restaurant(user, slug);
        List<TableRow> added = unique(
                () -> tables.insertLabels(
                        restaurant.slug(), user.isAdmin(), user.restaurantIdArray(), labels.toArray(String[]::new)),
                "One of these labels is already a table of this restaurant.");
        return recorded(user, restaurant, added);
    }

    /** Renames a table and/or changes whether it is active. */
    public TableView change(StaffUser user, String slug, String label, String newLabel, Boolean active) {
        if (newLabel == null && active == null) {
            throw ApiException.invalid("Send a new label, active, or both.");
        }
        String cleanNewLabel = newLabel == null ? null : TableLabels.clean(newLabel);
        ScopedRestaurant restaurant = restaurant(user, slug);
        if (!TableLabels.isValid(label)) {
            throw unknownTable();
        }
        TableRow changed = unique(
                        () -> tables.update(
                                restaurant.slug(),
                                user.isAdmin(),
                                user.restaurantIdArray(),
                                label,
                                cleanNewLabel,
                                active),
                        "Another table of this restaurant already has that label.")
                .orElseThrow(ConsoleTables::unknownTable);
        Map<String, Object> details = new HashMap<>();
        details.put("label", label);
        if (cleanNewLabel != null) {
            details.put("newLabel", cleanNewLabel);
        }
        if (active != null) {
            details.put("active", active);
        }
        audit.record(user, "tables.changed", restaurant.id(), details);
        return view(restaurant, changed);
    }

    /**
     * The tables to print: the active ones, or exactly those named in {@code selection} (comma-separated labels),
     * each of which must be an active table of the restaurant.
     */
    public List<PrintedTable> printable(StaffUser user, ScopedRestaurant restaurant, String selection) {
        List<TableRow> all = tables.tables(restaurant.slug(), user.isAdmin(), user.restaurantIdArray());
        if (selection == null || selection.isBlank()) {
            return all.stream()
                    .filter(TableRow::active)
                    .map(row -> printed(restaurant, row.label()))
                    .toList();
        }
        // The request line's size limit bounds how many labels a selection can name.
        String[] parts = selection.split(",", -1);
        Map<String, TableRow> byLabel = new HashMap<>();
        all.forEach(row -> byLabel.put(row.label(), row));
        Set<String> chosen = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String part : parts) {
            String label = part.strip();
            TableRow row = byLabel.get(label);
            if (row == null || !row.active()) {
                unknown.add(label);
            } else {
                chosen.add(label);
            }
        }
        if (!unknown.isEmpty()) {
            throw ApiException.invalid("Not active tables of this restaurant: "
                    + String.join(
                            ", ",
                            unknown.subList(0, Math.min(5, unknown.size())).stream()
                                    .map(ConsoleTables::quoted)
                                    .toList())
                    + (unknown.size() > 5 ? " and " + (unknown.size() - 5) + " more." : "."));
        }
        return chosen.stream().map(label -> printed(restaurant, label)).toList();
    }

    private List<TableView> recorded(StaffUser user, ScopedRestaurant restaurant, List<TableRow> added) {
        if (added.isEmpty()) {
            throw unknownRestaurant();
        }
        audit.record(
                user,
                "tables.created",
                restaurant.id(),
                Map.of(
                        "count",
                        added.size(),
                        "labels",
                        added.stream().map(TableRow::label).toList()));
        return added.stream().map(row -> view(restaurant, row)).toList();
    }

    private TableView view(ScopedRestaurant restaurant, TableRow row) {
        return new TableView(row.label(), links.restaurantTable(restaurant.slug(), row.label()), row.active());
    }

    private PrintedTable printed(ScopedRestaurant restaurant, String label) {
        return new PrintedTable(label, links.restaurantTable(restaurant.slug(), label));
    }

    /** Runs one statement; a label that is already taken (by this request or another at once) is a 409. */
    private static <T> T unique(Supplier<T> statement, String conflictMessage) {
        try {
            return statement.get();
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                throw new ApiException(ErrorCode.CONFLICT, conflictMessage);
            }
            throw e;
        }
    }

    /** A label for a message: control characters and overlong labels cannot reach the reply as they came. */
    private static String quoted(String label) {
        String shown = label.codePoints()
                .limit(TableLabels.MAX_LENGTH)
                .map(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return "\"" + shown + (label.codePointCount(0, label.length()) > TableLabels.MAX_LENGTH ? "…" : "") + "\"";
    }

    private static ApiException unknownRestaurant() {
        return ApiException.notFound("None of your restaurants has that address.");
    }

    private static ApiException unknownTable() {
        return ApiException.notFound("This restaurant has no table with that label.");
    }
}
