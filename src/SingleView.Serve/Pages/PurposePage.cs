using SingleView.Serve.People;
using static SingleView.Serve.Pages.Markup;

namespace SingleView.Serve.Pages;

/// <summary>Asks why the viewer is looking before a person is shown (roles with purpose_required). Shows nothing about the person.</summary>
internal static class PurposePage
{
    public static string Render(PageFrame frame, string goldenId, bool blankGiven)
    {
        var error = blankGiven ? "Enter why you need to see this record" : null;
        var main = Html($"""
            {(error is null ? Empty : Html($"""
                <div class="govuk-error-summary" data-module="govuk-error-summary"><div role="alert">
                <h2 class="govuk-error-summary__title">There is a problem</h2>
                <div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list"><li><a href="#purpose">{error}</a></li></ul></div>
                </div></div>
                """))}
            <form method="get" action="/people/{Uri.EscapeDataString(goldenId)}" novalidate>
            <div class="govuk-form-group{(error is null ? Empty : Trusted(" govuk-form-group--error"))}">
            <h1 class="govuk-label-wrapper"><label class="govuk-label govuk-label--l" for="purpose">Why do you need to see this record?</label></h1>
            <div id="purpose-hint" class="govuk-hint">Your role must give a reason before each record is opened. It is kept in the access log with your name, for example "Section 47 strategy discussion, ref 1234".</div>
            {(error is null ? Empty : Html($"""<p id="purpose-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {error}</p>"""))}
            <textarea class="govuk-textarea{(error is null ? Empty : Trusted(" govuk-textarea--error"))}" id="purpose" name="purpose" rows="3" maxlength="{PersonLookup.MaximumPurposeLength}" aria-describedby="purpose-hint{(error is null ? Empty : Trusted(" purpose-error"))}"></textarea>
            </div>
            <button type="submit" class="govuk-button" data-module="govuk-button">Continue</button>
            </form>
            """);
        return PageLayout.Render(frame, error is null ? "Why do you need to see this record?" : "Error: Why do you need to see this record?", main);
    }
}
