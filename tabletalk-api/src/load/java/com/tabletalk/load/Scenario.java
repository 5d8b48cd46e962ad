package com.tabletalk.load;

/** One run of the suite: reads its options, drives the service, and puts its figures and checks in the report. */
interface Scenario {

    void run(Options options, Report report) throws Exception;
}
