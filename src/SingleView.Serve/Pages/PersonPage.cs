using SingleView.Serve.People;
using static SingleView.Serve.Pages.Markup;

namespace SingleView.Serve.Pages;

/// <summary>
/// One person: golden fields with their provenance, services (closed flag, expanded detail), family,
/// and the records and match evidence behind the person. Renders a <see cref="PersonView"/> only, so it
/// can show nothing the access policy has not already allowed.
/// </summary>
internal static class PersonPage
{
    public static string Render(PageFrame frame, PersonView person) => Frame(frame, person).Value;

    /// <summary>The page as a fragment still in its builder (see <see cref="PageLayout.Frame"/>).</summary>
    public static Markup Frame(PageFrame frame, PersonView person)
    {
        var kind = person.Kind switch
        {
            "Child" => "Child",
            "Adult" => "Adult",
            _ => "Child or adult not known",
        };
        var main = Html($"""
            {StaleBanner(person.StaleFeeds)}
            <span class="govuk-caption-l">{kind}{(person.Age is { } age ? Html($", age {age}") : Empty)}</span>
            <h1 class="govuk-heading-l">{person.Name}</h1>
            {(person.Restricted ? Trusted("""<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> Restricted record: address and contact details are withheld.</strong></div>""") : Empty)}
            <h2 class="govuk-heading-m">Details</h2>
            <dl class="govuk-summary-list">{Join(person.Fields.Select(FieldRow))}</dl>
            <h2 class="govuk-heading-m">Services</h2>
            {Services(person)}
            <h2 class="govuk-heading-m">Family and household</h2>
            {Family(person.Family)}
            <h2 class="govuk-heading-m">Records that make up this person</h2>
            {Records(person)}
            {Workbench.WrongLinkForm.Render(frame, person)}
            {(person.PublishedAt is null ? Empty : Html($"""<p class="govuk-body-s">Data published {Display.Date(person.PublishedAt)}.</p>"""))}
            """);
        return PageLayout.Frame(frame, person.Name, main);
    }

    private static Markup StaleBanner(IReadOnlyList<StaleFeed> stale)
    {
        if (stale.Count == 0) return Empty;
        return Html($"""
            <div class="govuk-notification-banner app-stale-banner" role="region" aria-labelledby="stale-title">
            <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="stale-title">Some sources are out of date</h2></div>
            <div class="govuk-notification-banner__content"><ul class="govuk-list">
            {Join(stale.Select(s => Html($"<li>{s.Service} ({s.SourceSystem}): {s.Reason}</li>")))}
            </ul></div></div>
            """);
    }

    private static Markup FieldRow(GoldenField field)
    {
        var id = $"field-{field.Field}";
        Markup value;
        if (field.Withheld) value = Trusted("<strong>Address withheld</strong>");
        else if (field.Value is null) value = Trusted("""<span class="app-muted">Not recorded</span>""");
        else value = Html($"{(field.Field == "date_of_birth" ? Display.Date(field.Value) : field.Value)}");
        return Html($"""
            <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key" id="{id}">{field.Label}</dt>
            <dd class="govuk-summary-list__value">{value}{(field.Provenance is null ? Empty : Provenance(id, field.Field, field.Label, field.Provenance))}</dd>
            </div>
            """);
    }

    /// <summary>A details element: keyboard and screen-reader reachable without script, and printable.</summary>
    private static Markup Provenance(string id, string field, string label, Provenance provenance)
    {
        var source = Html($"""
            <div><dt>Source system</dt><dd>{provenance.SourceSystem}</dd></div>
            <div><dt>Source record</dt><dd>{provenance.SourceRecord}</dd></div>
            <div><dt>Extract date</dt><dd>{Display.Date(provenance.ExtractDate)}</dd></div>
            """);
        var others = provenance.OtherValues.Count == 0
            ? Empty
            : Html($"""
                <p class="app-provenance__others">Other values seen:</p>
                <ul class="govuk-list">{Join(provenance.OtherValues.Select(v => Html($"<li>{(field == "date_of_birth" ? Display.Date(v.Value) : v.Value)} — {v.SourceSystem}, {v.SourceRecord}, extracted {Display.Date(v.ExtractDate)}</li>")))}</ul>
                """);
        return Html($"""
            <details class="govuk-details app-provenance">
            <summary class="govuk-details__summary"><span class="govuk-details__summary-text">Where this came from<span class="govuk-visually-hidden">: {label}</span></span></summary>
            <div class="govuk-details__text" id="{id}-provenance">
            <dl class="app-provenance__list">{source}<div><dt>Rule</dt><dd>{provenance.Rule}</dd></div></dl>
            {others}
            </div>
            </details>
            """);
    }

    private static Markup Services(PersonView person)
    {
        var hidden = person.ServicesNotShownForAge.Count == 0
            ? Empty
            : Html($"""<p class="govuk-body-s">Not shown at this age under local rules: {string.Join(", ", person.ServicesNotShownForAge)}.</p>""");
        if (person.Services.Count == 0) return Html($"""<p class="govuk-body">Your role does not show any service's records for this person.</p>{hidden}""");
        return Html($"""
            <div class="app-services">{Join(person.Services.Select(Service))}</div>
            {hidden}
            """);
    }

    private static Markup Service(ServiceView service)
    {
        var tagClass = service.Flag switch
        {
            ServiceFlags.RecordsFound => Trusted("govuk-tag--red"),
            ServiceFlags.NoRecordsFound => Trusted("govuk-tag--grey"),
            _ => Trusted("govuk-tag--yellow"),
        };
        var status = service.Involvements.Any(i => i.Status == "Current") ? " (current)" : service.Involvements.Count > 0 ? " (historic)" : string.Empty;
        var sources = Join(service.Sources.Select(f => Html($"""
            <li>{f.SourceSystem}: {(f.CurrentAsOf is null ? Trusted("date not known") : Html($"correct as of {Display.Date(f.CurrentAsOf)}"))}{Coverage(f)}{(f.State == "Current" ? Empty : Html($" — {StateText(f.State)}"))}{(f.Stale ? Trusted(" <strong class=\"govuk-tag govuk-tag--orange\">Out of date</strong>") : Empty)}</li>
            """)));
        return Html($"""
            <details class="govuk-details app-service" data-service="{service.Service}">
            <summary class="govuk-details__summary"><span class="govuk-details__summary-text">{service.Label}</span>
            <strong class="govuk-tag {tagClass} app-flag" data-flag="{service.Flag}">{service.FlagText}{status}</strong></summary>
            <div class="govuk-details__text">
            {(service.Note is null ? Empty : Html($"""<p class="govuk-body-s">{service.Note}</p>"""))}
            {Join(service.Involvements.Select(Involvement))}
            <p class="govuk-body-s">Sources:</p><ul class="govuk-list govuk-body-s">{sources}</ul>
            </div>
            </details>
            """);
    }

    private static Markup Coverage(FeedView feed)
    {
        if (feed.CoverageStart is null && feed.CoverageEnd is null && feed.CoverageArea is null) return Empty;
        var period = feed.CoverageStart is null && feed.CoverageEnd is null ? Empty
            : Html($" from {Display.Date(feed.CoverageStart)} to {(feed.CoverageEnd is null ? "now" : Display.Date(feed.CoverageEnd))}");
        return Html($"; covers{(feed.CoverageArea is null ? Empty : Html($" {feed.CoverageArea}"))}{period}");
    }

    private static string StateText(string state) => state switch
    {
        "NoNewDelivery" => "no new delivery, last one still in use",
        "Held" => "latest delivery held back, last good one still in use",
        "NotAvailable" => "source not available",
        _ => state,
    };

    private static Markup Involvement(InvolvementView involvement)
    {
        var rows = new List<Markup>
        {
            Row("Status", involvement.Status),
            Row("Dates", Dates(involvement)),
        };
        if (involvement.Nature is not null) rows.Add(Row("Nature of involvement", involvement.Nature));
        if (involvement.Organisation is not null) rows.Add(Row("Organisation", involvement.Organisation));
        if (involvement.Contact is { } contact)
        {
            rows.Add(Row("Contact", string.Join(", ", new[] { contact.Name, contact.Role, contact.Phone, contact.Email }.Where(v => !string.IsNullOrWhiteSpace(v)))));
        }

        rows.AddRange(involvement.Details.Select(d => Row(d.Label, d.Value ?? "not recorded")));
        rows.Add(Row("Source record", $"{involvement.SourceSystem} ({involvement.SourceRecord})"));
        if (involvement.CorrectAsOf is not null) rows.Add(Row("Correct as of", Display.Date(involvement.CorrectAsOf)));
        var launch = involvement.LaunchUrl is null ? Empty
            : Html($"""<p class="govuk-body-s"><a class="govuk-link" href="{involvement.LaunchUrl}" rel="noopener noreferrer" target="_blank">Open in {involvement.SourceSystem}<span class="govuk-visually-hidden"> (opens in new tab)</span></a></p>""");
        return Html($"""<dl class="govuk-summary-list govuk-summary-list--no-border app-involvement">{Join(rows)}</dl>{launch}""");
    }

    /// <summary>A historic involvement without an end date must not read as if it were still going on.</summary>
    private static string Dates(InvolvementView involvement)
    {
        var end = involvement.EndDate is not null ? Display.Date(involvement.EndDate)
            : involvement.Status == "Current" ? "now"
            : "an end date not recorded";
        return $"{Display.Date(involvement.StartDate)} to {end}";
    }

    private static Markup Row(string key, string value) =>
        Html($"""<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{key}</dt><dd class="govuk-summary-list__value">{value}</dd></div>""");

    private static Markup Family(IReadOnlyList<FamilyMember> family)
    {
        if (family.Count == 0) return Trusted("""<p class="govuk-body">No family or household members are recorded.</p>""");
        var rows = Join(family.Select(m => Html($"""
            <tr class="govuk-table__row">
            <td class="govuk-table__cell"><a class="govuk-link" href="/people/{Uri.EscapeDataString(m.GoldenId)}">{m.Name}</a></td>
            <td class="govuk-table__cell">{m.Relationship}</td>
            <td class="govuk-table__cell">{Display.Date(m.DateOfBirth)}</td>
            <td class="govuk-table__cell">{m.SourceFeed}: {m.Evidence}</td>
            </tr>
            """)));
        return Html($"""
            <table class="govuk-table">
            <caption class="govuk-table__caption govuk-visually-hidden">Family and household members</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">Name</th><th scope="col" class="govuk-table__header">Relationship to this person</th>
            <th scope="col" class="govuk-table__header">Date of birth</th><th scope="col" class="govuk-table__header">Evidence</th>
            </tr></thead>
            <tbody class="govuk-table__body">{rows}</tbody>
            </table>
            """);
    }

    private static Markup Records(PersonView person)
    {
        var records = person.SourceRecords.Count == 0
            ? Trusted("""<p class="govuk-body">No source records you may see.</p>""")
            : Html($"""
                <table class="govuk-table">
                <caption class="govuk-table__caption govuk-visually-hidden">Source records</caption>
                <thead class="govuk-table__head"><tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">Source record</th><th scope="col" class="govuk-table__header">System</th>
                <th scope="col" class="govuk-table__header">Name</th><th scope="col" class="govuk-table__header">Date of birth</th>
                <th scope="col" class="govuk-table__header">Extract date</th>
                </tr></thead>
                <tbody class="govuk-table__body">{Join(person.SourceRecords.Select(r => Html($"""
                    <tr class="govuk-table__row"><td class="govuk-table__cell">{r.SourceRecord}</td><td class="govuk-table__cell">{r.SourceSystem}</td>
                    <td class="govuk-table__cell">{r.Name}</td><td class="govuk-table__cell">{Display.Date(r.DateOfBirth)}</td>
                    <td class="govuk-table__cell">{Display.Date(r.ExtractDate)}</td></tr>
                    """)))}</tbody>
                </table>
                """);
        var matches = person.Matches.Count == 0 ? Empty : Html($"""
            <h3 class="govuk-heading-s">Why these records are thought to be the same person</h3>
            {Join(person.Matches.Select(Waterfall))}
            """);
        return Html($"{records}{matches}");
    }

    private static Markup Waterfall(MatchView match)
    {
        var steps = Join(match.Comparisons.Select(c => Html($"""
            <tr class="govuk-table__row"><td class="govuk-table__cell">{ServiceLabels.FieldLabel(c.Comparison).Replace('_', ' ')}</td><td class="govuk-table__cell">{c.Level}</td>
            <td class="govuk-table__cell govuk-table__cell--numeric">{Display.Number(c.Weight, "+0.00;-0.00;0.00")}</td></tr>
            """)));
        return Html($"""
            <details class="govuk-details app-waterfall">
            <summary class="govuk-details__summary"><span class="govuk-details__summary-text">{match.RecordA} and {match.RecordB}: {(match.Decision == "link" ? "linked" : "sent for review")}, probability {Display.Number(match.MatchProbability, "0.000")}</span></summary>
            <div class="govuk-details__text">
            {(match.BlockingRule is null ? Empty : Html($"""<p class="govuk-body-s">Compared because: {match.BlockingRule}.</p>"""))}
            <table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--s">Match weight, step by step</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Comparison</th>
            <th scope="col" class="govuk-table__header">Level</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Weight</th></tr></thead>
            <tbody class="govuk-table__body">
            <tr class="govuk-table__row"><td class="govuk-table__cell">Prior</td><td class="govuk-table__cell">before any comparison</td>
            <td class="govuk-table__cell govuk-table__cell--numeric">{(match.Prior is { } prior ? Html($"{Display.Number(prior, "+0.00;-0.00;0.00")}") : Trusted("not recorded"))}</td></tr>
            {steps}
            <tr class="govuk-table__row app-waterfall__total"><th scope="row" class="govuk-table__header" colspan="2">Final match weight</th>
            <td class="govuk-table__cell govuk-table__cell--numeric">{Display.Number(match.MatchWeight, "+0.00;-0.00;0.00")}</td></tr>
            <tr class="govuk-table__row"><th scope="row" class="govuk-table__header" colspan="2">Match probability</th>
            <td class="govuk-table__cell govuk-table__cell--numeric">{Display.Number(match.MatchProbability, "0.000")}</td></tr>
            </tbody></table>
            </div>
            </details>
            """);
    }
}
