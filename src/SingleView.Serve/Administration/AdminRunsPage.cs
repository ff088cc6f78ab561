using SingleView.Schedule.Digests;
using SingleView.Schedule.History;
using SingleView.Serve.Pages;
using static SingleView.Serve.Pages.Markup;

namespace SingleView.Serve.Administration;

/// <summary>What the admin page shows.</summary>
internal sealed record AdminRunsModel(
    bool SchedulingEnabled,
    RefreshStatus Status,
    IReadOnlyList<(string Job, DateTimeOffset? NextFire)> NextFires,
    IReadOnlyList<RunRecord> Runs,
    IReadOnlyList<Digest> Digests,
    bool RunRequested);

/// <summary>The run history page. Everything from data goes through <see cref="Markup.Html"/>, so it is encoded.</summary>
internal static class AdminRunsPage
{
    public static string Render(PageFrame frame, AdminRunsModel model) => PageLayout.Render(frame, "Refresh runs", Html($"""
        <h1 class="govuk-heading-l">Refresh runs</h1>
        {Status(model)}
        {Schedule(frame, model)}
        <h2 class="govuk-heading-m">Runs</h2>
        {Runs(model.Runs)}
        <h2 class="govuk-heading-m">Digest deliveries</h2>
        {Deliveries(model.Digests)}
        """));

    public static string Refused(PageFrame frame, string reason) => PageLayout.Render(frame, "Not allowed", Html($"""
        <h1 class="govuk-heading-l">Not allowed</h1>
        <p class="govuk-body">{reason}</p>
        """));

    private static Markup Status(AdminRunsModel model)
    {
        var requested = model.RunRequested
            ? Html($"""<div class="govuk-notification-banner govuk-notification-banner--success" role="alert"><p class="govuk-body">The refresh has been asked for. It starts when no other refresh is running; this page shows it when it does.</p></div>""")
            : Empty;
        var stale = model.Status.IsStale
            ? Html($"""<div class="govuk-warning-text app-stale" role="alert"><strong class="govuk-warning-text__text">The view may be out of date. {model.Status.Reason}</strong></div>""")
            : Empty;
        var last = model.Status.LastSucceeded is { } run
            ? Html($"""<p class="govuk-body">Last successful refresh: {(run.FinishedAt ?? run.StartedAt):yyyy-MM-dd HH:mm} UTC (run {run.RunId}).</p>""")
            : Html($"""<p class="govuk-body">No successful refresh has been recorded by the scheduler yet.</p>""");
        return Html($"{requested}{stale}{last}");
    }

    private static Markup Schedule(PageFrame frame, AdminRunsModel model)
    {
        if (!model.SchedulingEnabled)
        {
            return Html($"""<p class="govuk-body">Scheduling is not enabled on this host (config/schedule.yaml). Refreshes run from the command line only.</p>""");
        }

        var rows = Join(model.NextFires.Select(f => Html($"""<tr class="govuk-table__row"><td class="govuk-table__cell">{f.Job}</td><td class="govuk-table__cell">{(f.NextFire is { } at ? at.ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture) : "not scheduled")}</td></tr>""")));
        return Html($"""
            <table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--s">Next scheduled runs (local time)</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Job</th><th scope="col" class="govuk-table__header">Next</th></tr></thead>
            <tbody class="govuk-table__body">{rows}</tbody></table>
            <form method="post" action="/admin/runs/run-now">{frame.FormToken()}
            <button type="submit" class="govuk-button" data-module="govuk-button">Run now</button>
            </form>
            """);
    }

    private static Markup Runs(IReadOnlyList<RunRecord> runs)
    {
        if (runs.Count == 0) return Html($"""<p class="govuk-body">No run has been recorded yet.</p>""");
        var rows = Join(runs.Select(run => Html($"""
            <tr class="govuk-table__row">
            <td class="govuk-table__cell">{run.StartedAt:yyyy-MM-dd HH:mm:ss}</td>
            <td class="govuk-table__cell">{run.TriggerKind} (try {run.Attempt})</td>
            <td class="govuk-table__cell"><strong class="govuk-tag app-outcome-{run.Outcome.ToString().ToLowerInvariant()}">{run.Outcome.ToString()}</strong></td>
            <td class="govuk-table__cell govuk-table__cell--numeric">{Seconds(run.Duration)}</td>
            <td class="govuk-table__cell govuk-table__cell--numeric">{Count(run.SourceRecords)}</td>
            <td class="govuk-table__cell govuk-table__cell--numeric">{Count(run.LinkedPairs)}</td>
            <td class="govuk-table__cell govuk-table__cell--numeric">{Count(run.ReviewPairs)}</td>
            <td class="govuk-table__cell govuk-table__cell--numeric">{Count(run.NewEvents)}</td>
            </tr>
            {Details(run)}
            """)));
        return Html($"""
            <table class="govuk-table">
            <thead class="govuk-table__head"><tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">Started (UTC)</th><th scope="col" class="govuk-table__header">Trigger</th>
            <th scope="col" class="govuk-table__header">Outcome</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Seconds</th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">Records</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Linked pairs</th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">For review</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">New events</th>
            </tr></thead>
            <tbody class="govuk-table__body">{rows}</tbody>
            </table>
            """);
    }

    private static Markup Details(RunRecord run)
    {
        var error = run.Error is null ? Empty : Html($"""<p class="govuk-body app-run-error">Error: {run.Error}</p>""");
        var feeds = Join(run.Feeds.Select(f => Html($"""<tr class="govuk-table__row"><td class="govuk-table__cell">{f.Feed}</td><td class="govuk-table__cell">{f.State}</td><td class="govuk-table__cell govuk-table__cell--numeric">{f.RowsIn}</td><td class="govuk-table__cell govuk-table__cell--numeric">{f.RowsOut}</td><td class="govuk-table__cell govuk-table__cell--numeric">{f.Quarantined}</td><td class="govuk-table__cell govuk-table__cell--numeric">{f.Linked}</td><td class="govuk-table__cell govuk-table__cell--numeric">{f.InReview}</td></tr>""")));
        var stages = Join(run.Stages.Select(s => Html($"""<li>{s.Stage} ({Seconds(s.Duration)} s)</li>""")));
        var body = run.Feeds.Count == 0 && run.Stages.Count == 0 ? Empty : Html($"""
            <details class="govuk-details"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">Run {run.RunId}: feeds and stages</span></summary>
            <div class="govuk-details__text">
            <table class="govuk-table"><thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Feed</th><th scope="col" class="govuk-table__header">State</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Rows in</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Rows out</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Quarantined</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Linked</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">In review</th></tr></thead>
            <tbody class="govuk-table__body">{feeds}</tbody></table>
            <ol class="govuk-list govuk-list--number">{stages}</ol>
            </div></details>
            """);
        return error == Empty && body == Empty ? Empty : Html($"""<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="8">{error}{body}</td></tr>""");
    }

    private static Markup Deliveries(IReadOnlyList<Digest> digests)
    {
        if (digests.Count == 0) return Html($"""<p class="govuk-body">No digest has been made yet.</p>""");
        // Who was sent what, and whether it arrived; never the pupils or events (the administrator sees no service's data).
        var rows = Join(digests.Select(d => Html($"""
            <tr class="govuk-table__row app-delivery-{d.DeliveryState.ToString().ToLowerInvariant()}">
            <td class="govuk-table__cell">{d.CreatedAt:yyyy-MM-dd HH:mm}</td><td class="govuk-table__cell">{d.Subscription} (URN {d.SchoolUrn})</td>
            <td class="govuk-table__cell">{d.Recipient}</td><td class="govuk-table__cell govuk-table__cell--numeric">{d.Items.Count}</td>
            <td class="govuk-table__cell"><strong class="govuk-tag">{d.DeliveryState.ToString()}</strong></td>
            <td class="govuk-table__cell govuk-table__cell--numeric">{d.Attempts}</td><td class="govuk-table__cell">{d.LastError ?? string.Empty}</td>
            </tr>
            """)));
        return Html($"""
            <table class="govuk-table">
            <thead class="govuk-table__head"><tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">Made (UTC)</th><th scope="col" class="govuk-table__header">Subscription</th><th scope="col" class="govuk-table__header">To</th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">Events</th><th scope="col" class="govuk-table__header">Delivery</th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">Tries</th><th scope="col" class="govuk-table__header">Last error</th>
            </tr></thead>
            <tbody class="govuk-table__body">{rows}</tbody>
            </table>
            """);
    }

    private static string Count(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–";

    private static string Seconds(TimeSpan? duration) => duration is { } d ? d.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "–";
}
