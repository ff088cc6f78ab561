using static SingleView.Serve.Pages.Markup;

namespace SingleView.Serve.Pages;

/// <summary>Pages for 401, 403 and 404: they say what to do next and nothing about any person.</summary>
internal static class StatusPages
{
    public static string NotSignedIn(PageFrame frame) => PageLayout.Render(frame, "Sign in required", Html($"""
        <h1 class="govuk-heading-l">You need to sign in</h1>
        <p class="govuk-body">Open SingleView from your organisation's portal or sign in with your organisation account.</p>
        """));

    public static string NoRole(PageFrame frame) => PageLayout.Render(frame, "No access", Html($"""
        <h1 class="govuk-heading-l">Your account has no SingleView role</h1>
        <p class="govuk-body">Ask your SingleView administrator to give your account a role.</p>
        """));

    public static string NotAllowed(PageFrame frame) => PageLayout.Render(frame, "Not allowed", Html($"""
        <h1 class="govuk-heading-l">Your role cannot open this page</h1>
        <p class="govuk-body"><a class="govuk-link" href="/search">Go to search</a>.</p>
        """));

    public static string NotFound(PageFrame frame) => PageLayout.Render(frame, "Person not found", Html($"""
        <h1 class="govuk-heading-l">Person not found</h1>
        <p class="govuk-body">There is no one with that reference that you can see. <a class="govuk-link" href="/search">Search again</a>.</p>
        """));

    public static string FormRefused(PageFrame frame) => PageLayout.Render(frame, "Not sent", Html($"""
        <h1 class="govuk-heading-l">This form was not sent</h1>
        <p class="govuk-body">It did not come from a SingleView page open in this browser, or the page was opened before you signed in again. Nothing was recorded.</p>
        <p class="govuk-body">Go back, reload the page and send the form again.</p>
        """));
}
