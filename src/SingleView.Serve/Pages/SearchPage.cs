using SingleView.Serve.Search;
using static SingleView.Serve.Pages.Markup;

namespace SingleView.Serve.Pages;

/// <summary>The search form and its results, each saying why it matched.</summary>
internal static class SearchPage
{
    public static string Render(
        PageFrame frame,
        IReadOnlyDictionary<string, string?> entered,
        IReadOnlyDictionary<string, string> errors,
        SearchResponse? response)
    {
        var errorSummary = errors.Count == 0 ? Empty : Html($"""
            <div class="govuk-error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
            <h2 class="govuk-error-summary__title" id="error-summary-title">There is a problem</h2>
            <ul class="govuk-list govuk-error-summary__list">{Join(errors.Select(e => Html($"""<li><a href="#{e.Key}">{e.Value}</a></li>""")))}</ul>
            </div>
            """);
        var main = Html($"""
            {errorSummary}
            <h1 class="govuk-heading-l">Find a person</h1>
            <form method="get" action="/search" class="app-search-form" novalidate>
            <fieldset class="govuk-fieldset">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">By name and date of birth</legend>
            {Field("name", "Name", "First and family name; spelling may vary", entered, errors, "name")}
            {Field("dob", "Date of birth", "For example, 27/03/2012", entered, errors, "bday")}
            {Field("postcode", "Postcode", null, entered, errors, "postal-code")}
            </fieldset>
            <button type="submit" class="govuk-button">Search</button>
            </form>
            <form method="get" action="/search" class="app-search-form" novalidate>
            <fieldset class="govuk-fieldset">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">By identifier</legend>
            {Field("id", "Case person ID, NHS number or unique pupil number", null, entered, errors, "off")}
            </fieldset>
            <button type="submit" class="govuk-button govuk-button--secondary">Search by identifier</button>
            </form>
            {(response is null ? Empty : Results(response))}
            """);
        return PageLayout.Render(frame, errors.Count > 0 ? "Error: Find a person" : "Find a person", main);
    }

    private static Markup Field(string name, string label, string? hint, IReadOnlyDictionary<string, string?> entered, IReadOnlyDictionary<string, string> errors, string autocomplete)
    {
        var error = errors.GetValueOrDefault(name);
        var describedBy = string.Join(' ', new[] { hint is null ? null : $"{name}-hint", error is null ? null : $"{name}-error" }.Where(x => x is not null));
        return Html($"""
            <div class="govuk-form-group{(error is null ? Empty : Trusted(" govuk-form-group--error"))}">
            <label class="govuk-label" for="{name}">{label}</label>
            {(hint is null ? Empty : Html($"""<div id="{name}-hint" class="govuk-hint">{hint}</div>"""))}
            {(error is null ? Empty : Html($"""<p id="{name}-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {error}</p>"""))}
            <input class="govuk-input" id="{name}" name="{name}" type="text" autocomplete="{autocomplete}" value="{entered.GetValueOrDefault(name) ?? string.Empty}"{(describedBy.Length == 0 ? Empty : Html($" aria-describedby=\"{describedBy}\""))}>
            </div>
            """);
    }

    private static Markup Results(SearchResponse response)
    {
        if (response.Results.Count == 0)
        {
            return Html($"""<h2 class="govuk-heading-m" id="results">No people found</h2><p class="govuk-body">Try another spelling, leave out the date of birth, or search by an identifier.</p>""");
        }

        var rows = Join(response.Results.Select(r => Html($"""
            <tr class="govuk-table__row">
            <td class="govuk-table__cell"><a class="govuk-link" href="/people/{Uri.EscapeDataString(r.GoldenId)}">{r.Name}</a></td>
            <td class="govuk-table__cell">{Display.Date(r.DateOfBirth)}{(r.Age is { } age ? Html($" (age {age})") : Empty)}</td>
            <td class="govuk-table__cell">{r.Kind}</td>
            <td class="govuk-table__cell">{(r.AddressWithheld ? Trusted("Address withheld") : Html($"{r.Postcode ?? "not recorded"}"))}</td>
            <td class="govuk-table__cell"><ul class="govuk-list app-reasons">{Join(r.Reasons.Select(reason => Html($"<li>{reason}</li>")))}</ul></td>
            </tr>
            """)));
        var more = response.MoreNotShown
            ? Html($"""<p class="govuk-body">Only the best {response.Shown} matches are shown. Add a date of birth or postcode to narrow the search.</p>""")
            : Empty;
        return Html($"""
            <h2 class="govuk-heading-m" id="results">{response.Shown} {(response.Shown == 1 ? "person" : "people")} found</h2>
            {more}
            <table class="govuk-table">
            <caption class="govuk-table__caption govuk-visually-hidden">People found, best match first</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">Name</th><th scope="col" class="govuk-table__header">Date of birth</th>
            <th scope="col" class="govuk-table__header">Child or adult</th><th scope="col" class="govuk-table__header">Postcode</th>
            <th scope="col" class="govuk-table__header">Why it matched</th>
            </tr></thead>
            <tbody class="govuk-table__body">{rows}</tbody>
            </table>
            """);
    }
}
