using SingleView.Serve.Access;
using static SingleView.Serve.Pages.Markup;

namespace SingleView.Serve.Pages;

/// <summary>What every page's frame needs to know about the request.</summary>
internal sealed record PageFrame(Viewer? Viewer, bool DemoMode, string Disclaimer)
{
    /// <summary>The viewer's menu (<see cref="NavigationLinks"/>); Search alone when not given.</summary>
    public IReadOnlyList<NavigationLink> Links { get; init; } = [];

    /// <summary>Why the published view is stale (the last refresh failed, or is too old), or null.</summary>
    public string? RefreshWarning { get; init; }

    /// <summary>Makes the antiforgery token of this request (<see cref="SiteForms"/>); null where the page has no request behind it.</summary>
    public Func<string>? RequestToken { get; init; }

    /// <summary>The hidden field every form that posts must carry; empty without a request, and such a form is refused.</summary>
    public Markup FormToken() => RequestToken is { } token
        ? Html($"""<input type="hidden" name="{SiteForms.TokenField}" value="{token()}">""")
        : Empty;
}

/// <summary>
/// The GOV.UK Design System frame of every page (govuk-frontend, served from /assets): skip link, header,
/// service navigation, a phase banner carrying the disclaimer, the demo banner, main landmark and footer.
/// Other parts of the app (administration, digests) render their pages through it too.
/// </summary>
internal static class PageLayout
{
    public static string Render(PageFrame frame, string title, Markup main) => Frame(frame, title, main).Value;

    /// <summary>The page as a fragment still in its builder, for writing to the response without a string.</summary>
    public static Markup Frame(PageFrame frame, string title, Markup main)
    {
        var demoBanner = frame.DemoMode
            ? Html($"""<div class="app-demo-banner" role="note"><strong>Demo mode</strong> — development sign-in and sample data only. Not for real records.</div>""")
            : Empty;
        var navigation = frame.Viewer is { } viewer
            ? Html($"""
                <nav aria-label="Menu" class="govuk-service-navigation__wrapper">
                <ul class="govuk-service-navigation__list" id="navigation">
                {Join((frame.Links.Count > 0 ? frame.Links : [new NavigationLink("/search", "Search")]).Select(link => Html($"""<li class="govuk-service-navigation__item"><a class="govuk-service-navigation__link" href="{link.Href}">{link.Label}</a></li>""")))}
                {(frame.DemoMode ? Trusted("""<li class="govuk-service-navigation__item"><a class="govuk-service-navigation__link" href="/sign-out">Sign out</a></li>""") : Empty)}
                </ul>
                </nav>
                """)
            : Empty;
        var signedIn = frame.Viewer is { } user
            ? Html($"""<p class="govuk-body-s app-signed-in">Signed in as <strong>{user.Name}</strong> ({user.Role.DisplayName}){(user.SchoolUrn is null ? Empty : Html($", school URN {user.SchoolUrn}"))}</p>""")
            : Empty;
        return Html($"""
            <!DOCTYPE html>
            <html lang="en-GB" class="govuk-template">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
            <meta name="robots" content="noindex, nofollow">
            <title>{title} – SingleView</title>
            <link rel="icon" sizes="48x48" href="/assets/images/favicon.ico">
            <link rel="stylesheet" href="/assets/govuk/govuk-frontend.min.css">
            <link rel="stylesheet" href="/assets/singleview.css">
            </head>
            <body class="govuk-template__body">
            <a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>
            <header class="govuk-header" data-module="govuk-header">
            <div class="govuk-header__container govuk-width-container">
            <div class="govuk-header__logo"><a href="/search" class="govuk-header__link govuk-header__link--homepage"><span class="govuk-header__product-name app-product-name">SingleView</span></a></div>
            </div>
            </header>
            <section aria-label="Service information" class="govuk-service-navigation" data-module="govuk-service-navigation">
            <div class="govuk-width-container">
            <div class="govuk-service-navigation__container">
            <span class="govuk-service-navigation__service-name"><a href="/search" class="govuk-service-navigation__link">Single view of the child</a></span>
            {navigation}
            </div>
            </div>
            </section>
            {demoBanner}
            <div class="govuk-width-container">
            <div class="govuk-phase-banner app-disclaimer">
            <p class="govuk-phase-banner__content"><strong class="govuk-tag govuk-phase-banner__content__tag">Check</strong>
            <span class="govuk-phase-banner__text"><strong>Data may be wrong or incomplete.</strong> {frame.Disclaimer}</span></p>
            </div>
            {RefreshBanner(frame.RefreshWarning)}
            {signedIn}
            <main class="govuk-main-wrapper" id="main-content">
            {main}
            </main>
            </div>
            <footer class="govuk-footer">
            <div class="govuk-width-container">
            <div class="govuk-footer__meta"><div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <p class="govuk-body-s">SingleView supports conversations between practitioners; it does not make decisions. Every search and every view of a person is recorded.</p>
            </div></div>
            </div>
            </footer>
            <script type="module" src="/assets/singleview.js"></script>
            </body>
            </html>
            """);
    }

    // Every page, not only the person page: a search result from a stale view is stale too.
    private static Markup RefreshBanner(string? warning) => warning is null
        ? Empty
        : Html($"""
            <div class="govuk-notification-banner app-refresh-banner" role="region" aria-labelledby="refresh-banner-title" data-module="govuk-notification-banner">
            <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="refresh-banner-title">This view may be out of date</h2></div>
            <div class="govuk-notification-banner__content"><p class="govuk-body">{warning}</p></div>
            </div>
            """);
}
