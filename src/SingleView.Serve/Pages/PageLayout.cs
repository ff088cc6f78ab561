using SingleView.Serve.Access;
using static SingleView.Serve.Pages.Markup;

namespace SingleView.Serve.Pages;

/// <summary>What every page's frame needs to know about the request.</summary>
internal sealed record PageFrame(Viewer? Viewer, bool DemoMode, string Disclaimer);

/// <summary>The GOV.UK-style frame of every page: skip link, header, demo banner, disclaimer, footer.</summary>
internal static class PageLayout
{
    public static string Render(PageFrame frame, string title, Markup main)
    {
        var demoBanner = frame.DemoMode
            ? Html($"""<div class="app-demo-banner" role="note"><strong>Demo mode</strong> — development sign-in and sample data only. Not for real records.</div>""")
            : Empty;
        var signedIn = frame.Viewer is { } viewer
            ? Html($"""
                <p class="app-header__user">Signed in as {viewer.Name} ({viewer.Role.DisplayName}){(viewer.SchoolUrn is null ? Empty : Html($", school URN {viewer.SchoolUrn}"))}
                {(frame.DemoMode ? Html($"""<a class="govuk-header__link" href="/sign-out">Sign out</a>""") : Empty)}</p>
                """)
            : Empty;
        var page = Html($"""
            <!DOCTYPE html>
            <html lang="en-GB" class="govuk-template">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title} – SingleView</title>
            <link rel="stylesheet" href="/assets/singleview.css">
            </head>
            <body class="govuk-template__body">
            <a href="#main-content" class="govuk-skip-link">Skip to main content</a>
            <header class="govuk-header" role="banner">
            <div class="govuk-width-container govuk-header__container">
            <a href="/search" class="govuk-header__link govuk-header__service-name">SingleView</a>
            <nav aria-label="Menu" class="app-header__nav"><a class="govuk-header__link" href="/search">Search</a></nav>
            {signedIn}
            </div>
            </header>
            {demoBanner}
            <div class="govuk-width-container">
            <div class="govuk-inset-text app-disclaimer" role="note"><strong>Data may be wrong or incomplete.</strong> {frame.Disclaimer}</div>
            <main class="govuk-main-wrapper" id="main-content" role="main" tabindex="-1">
            {main}
            </main>
            </div>
            <footer class="govuk-footer" role="contentinfo"><div class="govuk-width-container">
            <p>SingleView supports conversations between practitioners; it does not make decisions. Every search and view may be recorded.</p>
            </div></footer>
            </body>
            </html>
            """);
        return page.Value;
    }
}
