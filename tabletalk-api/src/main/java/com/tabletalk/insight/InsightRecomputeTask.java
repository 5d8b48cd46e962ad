package com.tabletalk.insight;

import com.tabletalk.common.ApiException;
import io.dropwizard.servlets.tasks.Task;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /tasks/insight-recompute?from=YYYY-MM-DD&to=YYYY-MM-DD} on the admin port: recomputes the dashboard's
 * figures of those days (UTC dates, every restaurant's own days of those dates) from the raw events, closed days
 * included.
 */
public class InsightRecomputeTask extends Task {

    private final Insights insights;

    public InsightRecomputeTask(Insights insights) {
        super("insight-recompute");
        this.insights = insights;
    }

    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) {
        InsightRange range;
        try {
            range = InsightRange.parse(first(parameters, "from"), first(parameters, "to"));
        } catch (ApiException e) {
            output.println(e.getMessage());
            return;
        }
        output.println("Recomputed " + insights.recompute(range) + " restaurant days.");
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
