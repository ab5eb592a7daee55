package dev.longtail.evaluator.report;

import static dev.longtail.evaluator.report.ReportPage.esc;
import static dev.longtail.evaluator.report.ReportPage.num;

/**
 * The report page's table of the loop controller's record (after the charts, which stay in the first screen): every adjustment with the signal it targeted, that
 * signal before and one generation after, the outcome and whether it was applied; then the advice withheld or frozen.
 */
final class ControllerTable {

    static final String STYLE = ".improved{background:#d9f2d9}.worsened{background:#f8c9c9}.held{color:#666}";

    private ControllerTable() {
    }

    static void render(CampaignReport report, StringBuilder html) {
        html.append("<h2>Adjustments and what became of them</h2><p>Each change targets a signal; its outcome is")
                .append(" read one generation later. Withheld advice was measured harmful; frozen advice would move a")
                .append(" knob the way its last two changes went, both of which worsened their signal.</p>");
        if (report.rows().stream().allMatch(r -> r.adjustments().isEmpty() && r.withheld().isEmpty())) {
            html.append("<p id=\"controller\">No adjustments.</p>");
            return;
        }
        html.append("<table id=\"controller\"><tr><th>generation</th><th>knob</th><th>change</th><th>why</th>")
                .append("<th>target signal</th><th>before → after</th><th>outcome</th><th>status</th></tr>");
        for (CampaignReport.Row row : report.rows()) {
            for (CampaignReport.AdjustmentView a : row.adjustments()) {
                String outcome = a.outcome() == null ? "" : a.outcome();
                html.append("<tr class=\"").append(esc(outcome)).append("\"><td>").append(row.generation())
                        .append("</td><td>").append(esc(a.parameter())).append("</td><td>").append(change(a.from(), a.to()))
                        .append(a.direction() == null ? "" : " (" + esc(a.direction()) + ")").append("</td><td>")
                        .append(esc(a.reason())).append("</td><td>").append(esc(a.targetSignal())).append("</td><td>")
                        .append(a.before() == null ? "" : num(a.before())).append(" → ")
                        .append(a.after() == null ? "…" : num(a.after())).append("</td><td>")
                        .append(outcome.isEmpty() ? "—" : esc(outcome)).append("</td><td>").append(esc(a.status()))
                        .append("</td></tr>");
            }
            for (CampaignReport.HeldAdviceView h : row.withheld()) {
                html.append("<tr class=\"held\"><td>").append(row.generation()).append("</td><td>")
                        .append(esc(h.parameter())).append("</td><td>").append(change(h.from(), h.to())).append("</td><td>")
                        .append(esc(h.reason())).append("</td><td></td><td></td><td>—</td><td>").append(esc(h.why()))
                        .append("</td></tr>");
            }
        }
        html.append("</table>");
    }

    private static String change(double from, double to) {
        return num(from) + " → " + num(to);
    }
}
