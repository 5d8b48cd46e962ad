package com.tabletalk.testing;

import com.tabletalk.account.Passwords;
import com.tabletalk.account.Role;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Console users for tests: makes an admin or a manager of given restaurants straight in the database (each with a
 * random password of its own) and signs them in through the API, returning a {@link ConsoleClient}.
 */
public final class ConsoleFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Passwords PASSWORDS = new Passwords();

    private final TestDatabase database;
    private final ApiClient api;

    public ConsoleFixtures(TestDatabase database, int port) {
        this.database = database;
        this.api = ApiClient.forPort(port);
    }

    /** A new active restaurant in UTC; returns its id. */
    public long restaurant(String slug, String name) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery(
                                "INSERT INTO restaurants (slug, name, time_zone) VALUES (:slug, :name, 'UTC') RETURNING id")
                        .bind("slug", slug)
                        .bind("name", name)
                        .mapTo(Long.class)
                        .one());
    }

    /** A new platform admin, signed in. */
    public ConsoleClient admin() {
        return signIn(user(Role.ADMIN));
    }

    /** A new manager of the given restaurants, signed in. */
    public ConsoleClient manager(long... restaurantIds) {
        return signIn(user(Role.MANAGER, restaurantIds));
    }

    /** A browser on the console that is not signed in. */
    public ConsoleClient signedOut() {
        return new ConsoleClient(api, null, null, null, TestApp.FRONTEND);
    }

    /** A new user with a random password, not signed in (email and password are on the returned client). */
    public ConsoleClient user(Role role, long... restaurantIds) {
        String email = role.name().toLowerCase(java.util.Locale.ROOT) + "-" + SEQUENCE.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String password = "fixture " + UUID.randomUUID();
        String hash = PASSWORDS.hash(password);
        database.jdbi().useTransaction(handle -> {
            long id = handle.createQuery(
                            "INSERT INTO staff_users (email, role, password_hash) VALUES (:email, :role, :hash) RETURNING id")
                    .bind("email", email)
                    .bind("role", role.name())
                    .bind("hash", hash)
                    .mapTo(Long.class)
                    .one();
            for (long restaurantId : restaurantIds) {
                handle.createUpdate(
                                "INSERT INTO memberships (user_id, restaurant_id, role) VALUES (:user, :restaurant, 'MANAGER')")
                        .bind("user", id)
                        .bind("restaurant", restaurantId)
                        .execute();
            }
        });
        return new ConsoleClient(api, email, password, null, TestApp.FRONTEND);
    }

    /** Signs a user made by {@link #user} in through the API. */
    public ConsoleClient signIn(ConsoleClient user) {
        ApiClient.Reply reply = api.send(
                HttpRequest.newBuilder(api.uri("/console/sign-in"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                ApiClient.json(Map.of("email", user.email(), "password", user.password())))),
                Map.of("Origin", TestApp.FRONTEND));
        if (reply.status() != 200) {
            throw new IllegalStateException("Fixture sign-in failed: " + reply);
        }
        return user.withCookie(sessionCookie(reply));
    }

    /** The value of the tt_console cookie a reply sets, or null. */
    public static String sessionCookie(ApiClient.Reply reply) {
        return reply.raw().headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith("tt_console="))
                .map(header -> header.substring(
                        "tt_console=".length(), header.indexOf(';') < 0 ? header.length() : header.indexOf(';')))
                .findFirst()
                .orElse(null);
    }
}
