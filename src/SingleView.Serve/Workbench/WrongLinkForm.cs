using SingleView.Serve.People;
using static SingleView.Serve.Pages.Markup;

namespace SingleView.Serve.Workbench;

/// <summary>
/// The "this is not the same person" form at the foot of a person page, for every signed-in user: it names
/// the person and, optionally, the two records the user thinks belong to different people.
/// </summary>
internal static class WrongLinkForm
{
    public static Pages.Markup Render(Pages.PageFrame frame, PersonView person) => Html($"""
        <details class="govuk-details app-wrong-link">
        <summary class="govuk-details__summary"><span class="govuk-details__summary-text">Report: this is not the same person</span></summary>
        <div class="govuk-details__text">
        <form method="post" action="/people/{Uri.EscapeDataString(person.GoldenId)}/wrong-link">{frame.FormToken()}
        <p class="govuk-body">If some of these records belong to someone else, tell the data quality officer. Name the two records if you can.</p>
        {Choice("first_record", "One record", person)}
        {Choice("second_record", "belongs to a different person from", person)}
        <div class="govuk-form-group"><label class="govuk-label" for="wrong-link-comment">What makes you think so</label>
        <textarea class="govuk-textarea" id="wrong-link-comment" name="comment" rows="3"></textarea></div>
        <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">Send the report</button>
        </form>
        </div>
        </details>
        """);

    private static Pages.Markup Choice(string name, string label, PersonView person) => Html($"""
        <div class="govuk-form-group"><label class="govuk-label" for="wrong-link-{name}">{label}</label>
        <select class="govuk-select" id="wrong-link-{name}" name="{name}"><option value="">Not sure which</option>
        {Join(person.SourceRecords.Select(r => Html($"""<option value="{r.SourceRecord}">{r.SourceRecord} ({r.SourceSystem}, {r.Name})</option>""")))}
        </select></div>
        """);
}
