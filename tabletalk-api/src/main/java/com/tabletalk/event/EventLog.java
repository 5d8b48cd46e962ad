package com.tabletalk.event;

/**
 * Where every step of a visit goes. Recording never fails and never waits on the database: an event that cannot
 * be queued is dropped and counted, so logging can never slow or break what a diner is doing.
 */
public interface EventLog {

    void record(LoggedEvent event);
}
