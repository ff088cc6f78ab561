using SingleView.Serve.Audit;
using static SingleView.Serve.Pages.Markup;

namespace SingleView.Serve.Pages;

/// <summary>Who looked at a person and when, from the access log: for subject access requests. Roles with access_reports only.</summary>
internal static class AccessReportPage
{
    public static string Render(PageFrame frame, string? person, IReadOnlyList<AccessReportEntry>? entries)
    {
        var main = Html($"""
            <h1 class="govuk-heading-l">Who has looked at a person</h1>
            <form method="get" action="/access-report" class="app-search-form" novalidate>
            <div class="govuk-form-group">
            <label class="govuk-label" for="person">Person's SingleView ID</label>
            <div id="person-hint" class="govuk-hint">Looks under IDs the person had before a merge are included.</div>
            <input class="govuk-input govuk-input--width-20" id="person" name="person" type="text" spellcheck="false" value="{person ?? string.Empty}" aria-describedby="person-hint">
            </div>
            <button type="submit" class="govuk-button" data-module="govuk-button">Show access report</button>
            </form>
            {(entries is null ? Empty : Table(person!, entries))}
            """);
        return PageLayout.Render(frame, "Access report", main);
    }

    private static Markup Table(string person, IReadOnlyList<AccessReportEntry> entries)
    {
        if (entries.Count == 0) return Html($"""<p class="govuk-body" id="report">No one has looked at {person}.</p>""");
        var rows = Join(entries.Select(e => Html($"""
            <tr class="govuk-table__row">
            <td class="govuk-table__cell">{Display.Date(e.OccurredAt)}</td>
            <td class="govuk-table__cell">{e.UserName}<br><span class="app-muted govuk-body-s">{e.UserSubject}</span></td>
            <td class="govuk-table__cell">{e.Role}</td>
            <td class="govuk-table__cell">{e.GoldenId}</td>
            <td class="govuk-table__cell">{e.Purpose ?? "not required"}</td>
            </tr>
            """)));
        return Html($"""
            <div class="app-table-wrapper" id="report">
            <table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--m">{entries.Count} {(entries.Count == 1 ? "look" : "looks")} at {person}, oldest first</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">When</th><th scope="col" class="govuk-table__header">Who</th>
            <th scope="col" class="govuk-table__header">Role</th><th scope="col" class="govuk-table__header">ID looked at</th>
            <th scope="col" class="govuk-table__header">Purpose given</th>
            </tr></thead>
            <tbody class="govuk-table__body">{rows}</tbody>
            </table>
            </div>
            """);
    }
}
