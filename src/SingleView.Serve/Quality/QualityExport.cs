using System.Globalization;

namespace SingleView.Serve.Quality;

/// <summary>A feed's report as CSV for its data owner: one row per delivery and measure, then every quarantined row with its reason.</summary>
internal static class QualityExport
{
    private static readonly string[] Header = ["feed", "delivery_date", "file", "section", "measure", "count", "of", "share"];
    private static readonly string[] QuarantineHeader = ["feed", "delivery_date", "file", "quarantined_line", "reason", "raw_text", "", ""];

    public static string Csv(FeedQuality feed)
    {
        var c = CultureInfo.InvariantCulture;
        var rows = new List<IEnumerable<string?>> { Header };
        rows.Add([feed.Feed, "", "", "published", "linked_to_other_feeds", feed.LinkedToOtherFeeds.ToString(c), feed.PublishedRecords.ToString(c), Percent(feed.LinkedShare)]);
        foreach (var d in feed.Deliveries)
        {
            var date = d.DeliveryDate.ToString("yyyy-MM-dd", c);
            rows.Add([feed.Feed, date, d.FileName, "delivery", d.Held ? "held" : "standardised", d.Records.ToString(c), "", ""]);
            rows.Add([feed.Feed, date, d.FileName, "delivery", "late", d.Late ? "1" : "0", "", ""]);
            foreach (var f in d.Fields)
            {
                rows.Add([feed.Feed, date, d.FileName, "completeness", f.Field, f.Present.ToString(c), d.Records.ToString(c), Percent(d.Share(f.Present))]);
                if (f.ChecksValidity) rows.Add([feed.Feed, date, d.FileName, "validity", f.Field, f.Valid.ToString(c), f.Present.ToString(c), Percent(f.Present == 0 ? 0 : (double)f.Valid / f.Present)]);
            }

            rows.Add([feed.Feed, date, d.FileName, "duplicates", "within_feed", d.DuplicatesWithinFeed.ToString(c), d.Records.ToString(c), Percent(d.Share(d.DuplicatesWithinFeed))]);
            foreach (var (reason, count) in d.QuarantineReasons.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                rows.Add([feed.Feed, date, d.FileName, "quarantine", reason, count.ToString(c), "", ""]);
            }
        }

        rows.Add(QuarantineHeader);
        foreach (var d in feed.Deliveries)
        {
            foreach (var q in d.QuarantinedRows)
            {
                rows.Add([feed.Feed, d.DeliveryDate.ToString("yyyy-MM-dd", c), d.FileName, q.LineNumber.ToString(c), q.Reason, q.RawText, "", ""]);
            }
        }

        return SpreadsheetCsv.Document(rows);
    }

    private static string Percent(double share) => share.ToString("0.0%", CultureInfo.InvariantCulture);
}
