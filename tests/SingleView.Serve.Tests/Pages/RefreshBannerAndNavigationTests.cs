using SingleView.Serve.Tests.Support;

namespace SingleView.Serve.Tests.Pages;

/// <summary>Every page says when the last refresh failed, and each role's menu shows only what it may open.</summary>
public sealed class RefreshBannerAndNavigationTests : FailedRefreshAppFixture
{
    protected override string FailureMessage => "IOException: disk full";

    [Test]
    public async Task SearchPage_LatestRefreshFailed_ShowsTheStaleBanner()
    {
        // The banner's status is read in the background when the host starts: give it a moment.
        var html = string.Empty;
        for (var attempt = 0; attempt < 50 && !html.Contains("This view may be out of date", StringComparison.Ordinal); attempt++)
        {
            html = await App.As("social_worker").GetStringAsync("/search");
            if (!html.Contains("This view may be out of date", StringComparison.Ordinal)) await Task.Delay(100);
        }

        html.ShouldContain("This view may be out of date");
        html.ShouldContain("The latest refresh failed");
    }

    [Test]
    public async Task Menu_DataQualityOfficer_LinksToTheWorkbench()
    {
        var html = await App.As("data_quality_officer").GetStringAsync("/search");

        html.ShouldContain("href=\"/workbench\"");
    }

    [Test]
    public async Task Menu_SocialWorker_HasNoWorkbenchNorAdministration()
    {
        var html = await App.As("social_worker").GetStringAsync("/search");

        html.ShouldNotContain("href=\"/workbench\"");
        html.ShouldNotContain("href=\"/admin/runs\"");
    }

    [Test]
    public async Task Menu_Administrator_LinksToRefreshRuns()
    {
        var html = await App.As("administrator").GetStringAsync("/search");

        html.ShouldContain("href=\"/admin/runs\"");
    }
}
