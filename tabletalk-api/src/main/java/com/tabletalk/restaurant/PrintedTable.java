package com.tabletalk.restaurant;

/** A table as its printed documents show it: its label and the diner URL its code opens. */
public record PrintedTable(String label, String url) {}
