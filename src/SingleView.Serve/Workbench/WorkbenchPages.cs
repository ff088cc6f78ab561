using System.Globalization;
using SingleView.Serve.Pages;
using SingleView.Serve.Quality;
using static SingleView.Serve.Pages.Markup;

namespace SingleView.Serve.Workbench;

/// <summary>The workbench's pages in the GOV.UK frame. Everything from data goes through <see cref="Markup.Html"/>, so it is encoded.</summary>
internal static class WorkbenchPages
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string Home(PageFrame frame, int review, int reports, AccuracyEstimate.Result estimate) => PageLayout.Render(frame, "Data quality workbench", Html($"""
        <h1 class="govuk-heading-l">Data quality workbench</h1>
        <ul class="govuk-list">
        <li><a class="govuk-link" href="/workbench/review">Possible duplicates</a> ({review} pairs in the review band)</li>
        <li><a class="govuk-link" href="/workbench/unmatched">Unmatched records</a></li>
        <li><a class="govuk-link" href="/workbench/reports">Reported wrong links</a> ({reports} open)</li>
        <li><a class="govuk-link" href="/workbench/quality">Quality reports per feed</a></li>
        </ul>
        <h2 class="govuk-heading-m">How good is the matching?</h2>
        {Estimate(estimate)}
        """));

    private static Markup Estimate(AccuracyEstimate.Result estimate) => Html($"""
        <table class="govuk-table"><thead class="govuk-table__head"><tr class="govuk-table__row">
        <th scope="col" class="govuk-table__header">Measure</th><th scope="col" class="govuk-table__header">Estimate</th>
        <th scope="col" class="govuk-table__header">95% interval (Wilson)</th><th scope="col" class="govuk-table__header">Decisions it rests on</th></tr></thead>
        <tbody class="govuk-table__body">
        {EstimateRow("Precision (linked pairs people confirmed)", estimate.Precision)}
        {EstimateRow("Recall (same-person pairs the model linked)", estimate.Recall)}
        </tbody></table>
        <p class="govuk-body-s">From {estimate.DecisionsUsed} live same / not the same decisions ({estimate.UnsureOrWithoutContext} not sure or made outside the workbench, not counted). Decisions come from the review band and from reports, not a random sample: read these as an indication.</p>
        """);

    private static Markup EstimateRow(string label, Proportion p) => Html($"""
        <tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{label}</th>
        <td class="govuk-table__cell">{(p.Estimate is { } e ? e.ToString("0.0%", C) : "no decisions yet")}</td>
        <td class="govuk-table__cell">{(p.Lower is { } l && p.Upper is { } u ? $"{l.ToString("0.0%", C)} to {u.ToString("0.0%", C)}" : "–")}</td>
        <td class="govuk-table__cell">{p.Successes} of {p.Trials}</td></tr>
        """);

    public static string Review(PageFrame frame, IReadOnlyList<ReviewItem> items) => PageLayout.Render(frame, "Possible duplicates", Html($"""
        <h1 class="govuk-heading-l">Possible duplicates</h1>
        <p class="govuk-body">Pairs the matcher was not sure about: children first, then people with a current involvement, then the closest calls.</p>
        <table class="govuk-table"><thead class="govuk-table__head"><tr class="govuk-table__row">
        <th scope="col" class="govuk-table__header">Records</th><th scope="col" class="govuk-table__header">Child</th>
        <th scope="col" class="govuk-table__header">Current involvement</th><th scope="col" class="govuk-table__header">Match weight</th>
        <th scope="col" class="govuk-table__header">Decision</th></tr></thead>
        <tbody class="govuk-table__body">
        {Join(items.Select(i => Html($"""
            <tr class="govuk-table__row"><td class="govuk-table__cell"><a class="govuk-link" href="{i.Pair.Path}">{i.Pair.ToString()}</a></td>
            <td class="govuk-table__cell">{(i.InvolvesChild ? "Child" : "Adult")}</td><td class="govuk-table__cell">{(i.HasOpenInvolvement ? "Yes" : "No")}</td>
            <td class="govuk-table__cell">{i.MatchWeight.ToString("+0.00;-0.00", C)}</td><td class="govuk-table__cell">{i.LiveDecision ?? "Not decided"}</td></tr>
            """)))}
        </tbody></table>
        """));

    public static string Pair(PageFrame frame, PairDetailView view, string? message, bool conflict) => PageLayout.Render(frame, "Possible duplicate", Html($"""
        <h1 class="govuk-heading-l">{view.Pair.ToString()}</h1>
        {(message is null ? Empty : Html($"""<div class="govuk-{(conflict ? "error-summary" : "notification-banner")}" role="alert"><p class="govuk-body">{message}</p></div>"""))}
        <table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--m">Field by field</caption>
        <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Field</th>
        <th scope="col" class="govuk-table__header">{view.Pair.Left.ToString()}</th><th scope="col" class="govuk-table__header">{view.Pair.Right.ToString()}</th>
        <th scope="col" class="govuk-table__header">Compared</th></tr></thead>
        <tbody class="govuk-table__body">
        {Join(view.Fields.Select(f => Html($"""
            <tr class="govuk-table__row{(f.Differs ? " app-differs" : "")}"><th scope="row" class="govuk-table__header">{f.Field}</th>
            <td class="govuk-table__cell">{f.Left ?? "–"}</td><td class="govuk-table__cell">{f.Right ?? "–"}</td>
            <td class="govuk-table__cell">{(f.Differs ? Html($"""<strong class="govuk-tag govuk-tag--red">Differs</strong>""") : f.OneMissing ? Html($"""<strong class="govuk-tag govuk-tag--grey">Missing on one side</strong>""") : f.Withheld ? Html($"""<strong class="govuk-tag govuk-tag--grey">Restricted: not compared here</strong>""") : f.Left is null ? Empty : Html($"""<strong class="govuk-tag govuk-tag--green">Same</strong>"""))}</td></tr>
            """)))}
        </tbody></table>
        <h2 class="govuk-heading-m">Why the matcher was unsure</h2>
        <p class="govuk-body">Model: {view.ModelDecision ?? "not compared"}; match weight {view.MatchWeight?.ToString("+0.00;-0.00", C) ?? "–"}, probability {view.MatchProbability?.ToString("0.0000", C) ?? "–"}.</p>
        <table class="govuk-table"><thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Comparison</th>
        <th scope="col" class="govuk-table__header">Level</th><th scope="col" class="govuk-table__header">Weight</th></tr></thead>
        <tbody class="govuk-table__body">
        <tr class="govuk-table__row"><td class="govuk-table__cell">prior</td><td class="govuk-table__cell"></td><td class="govuk-table__cell">{view.Prior?.ToString("+0.00;-0.00", C) ?? "–"}</td></tr>
        {Join(view.Waterfall.Select(w => Html($"""<tr class="govuk-table__row"><td class="govuk-table__cell">{w.Comparison}</td><td class="govuk-table__cell">{w.Level}</td><td class="govuk-table__cell">{w.Weight.ToString("+0.00;-0.00", C)}</td></tr>""")))}
        </tbody></table>
        <h2 class="govuk-heading-m">Decide</h2>
        <form method="post" action="{view.Pair.Path}/decide" novalidate>{frame.FormToken()}
        <input type="hidden" name="expected" value="{view.State}">
        <div class="govuk-form-group"><fieldset class="govuk-fieldset"><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Are these the same person?</legend>
        <div class="govuk-radios" data-module="govuk-radios">
        <div class="govuk-radios__item"><input class="govuk-radios__input" id="decision-same" name="decision" type="radio" value="same"><label class="govuk-label govuk-radios__label" for="decision-same">Same person</label></div>
        <div class="govuk-radios__item"><input class="govuk-radios__input" id="decision-different" name="decision" type="radio" value="different"><label class="govuk-label govuk-radios__label" for="decision-different">Not the same person</label></div>
        <div class="govuk-radios__item"><input class="govuk-radios__input" id="decision-unsure" name="decision" type="radio" value="unsure"><label class="govuk-label govuk-radios__label" for="decision-unsure">Not sure</label></div>
        </div></fieldset></div>
        <div class="govuk-form-group"><label class="govuk-label" for="reason">Reason</label><textarea class="govuk-textarea" id="reason" name="reason" rows="3"></textarea></div>
        <button type="submit" class="govuk-button" data-module="govuk-button">Record decision</button>
        </form>
        <h2 class="govuk-heading-m">Decisions so far</h2>
        {History(frame, view)}
        """));

    private static Markup History(PageFrame frame, PairDetailView view) => view.History.Count == 0
        ? Html($"""<p class="govuk-body">None.</p>""")
        : Html($"""
            <ul class="govuk-list">
            {Join(view.History.Select(d => Html($"""<li>{WorkbenchDecisions.Name(d.Decision)} — “{d.Reason}” by {d.DecidedBy} ({d.DecidedRole}) at {d.DecidedAt.ToString("yyyy-MM-dd HH:mm", C)}{(d.IsWithdrawn ? Html($" — undone by {d.WithdrawnBy}") : Empty)}</li>""")))}
            </ul>
            {(view.State == PairKeys.NoDecision ? Empty : Html($"""
                <form method="post" action="{view.Pair.Path}/undo">{frame.FormToken()}<input type="hidden" name="decision_id" value="{view.State}">
                <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Undo the live decision</button></form>
                """))}
            """);

    public static string Unmatched(PageFrame frame, IReadOnlyList<UnmatchedFeed> feeds, bool canScore) => PageLayout.Render(frame, "Unmatched records", Html($"""
        <h1 class="govuk-heading-l">Unmatched records</h1>
        {(canScore ? Empty : Html($"""<p class="govuk-body">The matching model (matching.yaml) is not in this host's configuration folder, so candidates are not scored.</p>"""))}
        {(feeds.Count == 0 ? Html($"""<p class="govuk-body">No feed is expected to link to another (config/workbench.yaml, expected_links).</p>""") : Empty)}
        {Join(feeds.Select(f => Html($"""
            <h2 class="govuk-heading-m">{f.Feed} <span class="govuk-caption-m">expected to link to {string.Join(", ", f.ExpectedTo)}; {f.Records.Count} linked to nobody</span></h2>
            <ul class="govuk-list">
            {Join(f.Records.Select(r => Html($"""
                <li><strong>{r.Record}</strong> {r.Name} {r.DateOfBirth} {r.Postcode}
                <ul class="govuk-list govuk-list--bullet">{Candidates(r)}</ul></li>
                """)))}
            </ul>
            """)))}
        """));

    private static Markup Candidates(UnmatchedRecord record) => record.Candidates.Count == 0
        ? Html($"<li>No candidate shares the date of birth, or the family name and postcode.</li>")
        : Join(record.Candidates.Select(c => Html($"""<li><a class="govuk-link" href="{CandidatePath(record, c)}">{c.Record}</a> {c.Name} {c.DateOfBirth}: weight {c.MatchWeight.ToString("+0.00;-0.00", C)} — {c.WhyNotLinked}</li>""")));

    private static string CandidatePath(UnmatchedRecord record, Candidate candidate) =>
        PairKeys.TryParse(record.Record, candidate.Record, out var pair) ? pair.Path : "#";

    public static string Reports(PageFrame frame, IReadOnlyList<WrongLinkReport> reports) => PageLayout.Render(frame, "Reported wrong links", Html($"""
        <h1 class="govuk-heading-l">Reported wrong links</h1>
        {(reports.Count == 0 ? Html($"""<p class="govuk-body">No open reports.</p>""") : Empty)}
        {Join(reports.Select(r => Html($"""
            <div class="govuk-summary-card"><div class="govuk-summary-card__content">
            <p class="govuk-body"><strong>{r.GoldenId}</strong>{(r.FirstRecord is null ? Empty : Html($": {r.FirstRecord} and {r.SecondRecord}"))} — “{r.Comment}”</p>
            <p class="govuk-body-s">Sent by {r.ReportedByName} ({r.ReportedRole}) at {r.ReportedAt}</p>
            {(r.FirstRecord is not null && r.SecondRecord is not null && PairKeys.TryParse(r.FirstRecord, r.SecondRecord, out var pair) ? Html($"""<p class="govuk-body"><a class="govuk-link" href="{pair.Path}">Decide the pair</a></p>""") : Empty)}
            <form method="post" action="/workbench/reports/{r.ReportId}/resolve">{frame.FormToken()}<button type="submit" class="govuk-button govuk-button--secondary">Mark as dealt with</button></form>
            </div></div>
            """)))}
        """));

    public static string QualityIndex(PageFrame frame, IReadOnlyList<string> feeds, bool hasLake) => PageLayout.Render(frame, "Quality reports", Html($"""
        <h1 class="govuk-heading-l">Quality reports</h1>
        {(hasLake ? Empty : Html($"""<p class="govuk-body">No lake is configured (config/workbench.yaml lake_directory): only the published measures are shown.</p>"""))}
        <ul class="govuk-list">{Join(feeds.Select(f => Html($"""<li><a class="govuk-link" href="/workbench/quality/{f}">{f}</a> (<a class="govuk-link" href="/workbench/quality/{f}/export.csv">CSV</a>)</li>""")))}</ul>
        """));

    public static string Quality(PageFrame frame, FeedQuality feed) => PageLayout.Render(frame, "Quality: " + feed.Feed, Html($"""
        <h1 class="govuk-heading-l">Quality: {feed.Feed}</h1>
        <p class="govuk-body">State {feed.State ?? "unknown"}{(feed.Message is null ? Empty : Html($" — {feed.Message}"))}. {feed.LinkedToOtherFeeds} of {feed.PublishedRecords} published records linked to other feeds ({feed.LinkedShare.ToString("0.0%", C)}).
        <a class="govuk-link" href="/workbench/quality/{feed.Feed}/export.csv">Download as CSV</a></p>
        <table class="govuk-table"><thead class="govuk-table__head"><tr class="govuk-table__row">
        <th scope="col" class="govuk-table__header">Delivery</th><th scope="col" class="govuk-table__header">Records</th>
        {Join((feed.Deliveries.FirstOrDefault(d => !d.Held)?.Fields ?? []).Select(f => Html($"""<th scope="col" class="govuk-table__header">{f.Field}</th>""")))}
        <th scope="col" class="govuk-table__header">Quarantined</th><th scope="col" class="govuk-table__header">Duplicates</th><th scope="col" class="govuk-table__header">Late / held</th></tr></thead>
        <tbody class="govuk-table__body">
        {Join(feed.Deliveries.Select(d => Html($"""
            <tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{d.DeliveryDate.ToString("yyyy-MM-dd", C)} {d.FileName}</th><td class="govuk-table__cell">{d.Records}</td>
            {Join(d.Fields.Select(f => Html($"""<td class="govuk-table__cell">{d.Share(f.Present).ToString("0%", C)}{(f.ChecksValidity ? $" ({f.Valid} valid)" : "")}</td>""")))}
            <td class="govuk-table__cell">{d.Quarantined}{(d.QuarantineReasons.Count == 0 ? "" : ": " + string.Join("; ", d.QuarantineReasons.Select(r => $"{r.Key} ×{r.Value}")))}</td>
            <td class="govuk-table__cell">{d.DuplicatesWithinFeed}</td><td class="govuk-table__cell">{(d.Late ? "Late" : "")}{(d.Held ? " Held" : "")}</td></tr>
            """)))}
        </tbody></table>
        """));

    public static string Message(PageFrame frame, string title, string text) => PageLayout.Render(frame, title, Html($"""
        <h1 class="govuk-heading-l">{title}</h1>
        <p class="govuk-body">{text}</p>
        """));
}
