using SingleView.Serve.Configuration;
using static SingleView.Serve.Pages.Markup;

namespace SingleView.Serve.Pages;

/// <summary>The development sign-in of demo mode: pick a role (and for a school DSL, a school). Never registered outside demo mode.</summary>
internal static class SignInPage
{
    public static string Render(PageFrame frame, IReadOnlyList<RoleDefinition> roles, IReadOnlyList<(string Urn, string Name)> schools, string returnUrl, string? error = null)
    {
        var schoolOptions = Join(schools.Select(s => Html($"""<option value="{s.Urn}">{s.Name} (URN {s.Urn})</option>""")));
        var roleItems = Join(roles.Select((role, index) => Html($"""
            <div class="govuk-radios__item">
            <input class="govuk-radios__input" id="role-{index}" name="role" type="radio" value="{role.Key}"{(index == 0 ? Trusted(" checked") : Empty)}>
            <label class="govuk-label govuk-radios__label" for="role-{index}">{role.DisplayName}
            <span class="govuk-hint app-role-scope">{(role.Scope == RoleScope.SchoolRoll ? "pupils on your school's roll only" : "anyone in the authority")}</span></label>
            </div>
            """)));
        var main = Html($"""
            <div class="app-demo-warning" role="alert"><strong>Development sign-in — demo mode only.</strong> This page does not exist on a real deployment, where people sign in with their organisation's account.</div>
            <h1 class="govuk-heading-l">Development sign-in — demo mode only</h1>
            {(error is null ? Empty : Html($"""<div class="govuk-error-summary" role="alert"><h2 class="govuk-error-summary__title">There is a problem</h2><p class="govuk-body">{error}</p></div>"""))}
            <form method="post" action="/sign-in">{frame.FormToken()}
            <input type="hidden" name="returnUrl" value="{returnUrl}">
            <div class="govuk-form-group">
            <fieldset class="govuk-fieldset">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Sign in as</legend>
            <div class="govuk-radios">{roleItems}</div>
            </fieldset>
            </div>
            <div class="govuk-form-group">
            <label class="govuk-label" for="school_urn">School (for a school designated safeguarding lead)</label>
            <div id="school_urn-hint" class="govuk-hint">Schools found in the data</div>
            <select class="govuk-select" id="school_urn" name="school_urn" aria-describedby="school_urn-hint">
            <option value="">No school</option>
            {schoolOptions}
            </select>
            </div>
            <button type="submit" class="govuk-button">Sign in</button>
            </form>
            """);
        return PageLayout.Render(frame, "Development sign-in", main);
    }
}
