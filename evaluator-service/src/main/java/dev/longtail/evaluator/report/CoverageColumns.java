package dev.longtail.evaluator.report;

import static dev.longtail.core.metrics.CollapseMeasurement.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's table of what the loop's own metrics do not show: distinct-2 at a fixed token count (versions of
 * different sizes compare), the held-out tail (which no selection targets and no anchor comes from), category
 * coverage, and the synthetic part alone (anchors left out). One row per generation, 0 being the reference.
 */
final class CoverageColumns {

    /** Column heading → metric, in order. */
    private static final Map<String, String> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("distinct-2 @ K", DISTINCT2_AT_K);
        COLUMNS.put("held-out tail", HELD_OUT_TAIL_COVERAGE);
        COLUMNS.put("category coverage", CATEGORY_COVERAGE);
        COLUMNS.put("categories missing", MISSING_CATEGORIES);
        COLUMNS.put("synthetic: distinct-2", synthetic(DISTINCT2));
        COLUMNS.put("synthetic: distinct-2 @ K", synthetic(DISTINCT2_AT_K));
        COLUMNS.put("synthetic: tail", synthetic(TAIL_COVERAGE));
        COLUMNS.put("synthetic: held-out tail", synthetic(HELD_OUT_TAIL_COVERAGE));
        COLUMNS.put("synthetic: Self-BLEU", synthetic(SELF_BLEU));
        COLUMNS.put("synthetic: over-probable", synthetic(OVER_PROBABLE_SHARE));
    }

    private CoverageColumns() {
    }

    /** The table, or nothing when no generation has any of its metrics (rows stored before they existed). */
    static String render(CampaignReport report) {
        List<String> labels = new ArrayList<>();
        List<CampaignReport.CollapseView> views = new ArrayList<>();
        labels.add("0 (reference)");
        views.add(report.reference().collapse());
        for (CampaignReport.Row row : report.rows()) {
            labels.add(String.valueOf(row.generation()));
            views.add(row.collapse());
        }
        boolean any = views.stream().anyMatch(v -> v != null && COLUMNS.values().stream().anyMatch(v.metrics()::containsKey));
        if (!any) {
            return "";
        }
        StringBuilder html = new StringBuilder("<h2>Held-out tail, categories and the synthetic part</h2><table"
                + " id=\"coverage\"><tr><th>generation</th>");
        COLUMNS.keySet().forEach(h -> html.append("<th>").append(ReportPage.esc(h)).append("</th>"));
        html.append("<th>synthetic texts</th></tr>");
        for (int i = 0; i < views.size(); i++) {
            CampaignReport.CollapseView v = views.get(i);
            html.append("<tr><td>").append(labels.get(i)).append("</td>");
            for (String metric : COLUMNS.values()) {
                Double x = v == null ? null : v.metrics().get(metric);
                html.append("<td data-metric=\"").append(metric).append("\">").append(x == null ? "—" : number(x))
                        .append("</td>");
            }
            Integer synthetic = v == null ? null : v.sampleSizes().get(SAMPLE_SYNTHETIC);
            html.append("<td>").append(synthetic == null ? "—" : synthetic.toString()).append("</td></tr>");
        }
        return html.append("</table>").toString();
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e6 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.4f", v);
    }
}
