using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SingleView.Refresh.Tests;

/// <summary>
/// Later nights' deliveries made from the generated first one, so records come and go and change:
/// every feed's file of <see cref="Authority.ExtractDate"/> is rewritten under a later date with some rows
/// left out (a different few each night, so they come back), some rows delivered twice under a new record
/// id (a duplicate the matcher should link to the same person) and, in the school feed, some pupils moved
/// to another house in their street.
/// </summary>
internal static partial class Deliveries
{
    /// <summary>Feeds whose record id is the first column, so a duplicate can be given a new id by prefixing it.</summary>
    private static readonly HashSet<string> IdFirst = ["school", "lcs", "police", "health", "ehm", "adult-social-care", "youth-justice"];

    public static void WriteNight(string drops, int night, int leaveOutEvery = 40, int duplicateEvery = 50, int moveEvery = 10)
    {
        var date = Authority.ExtractDate.AddDays(night);
        foreach (var folder in Directory.GetDirectories(drops))
        {
            var feed = Path.GetFileName(folder);
            var original = Path.Combine(folder, $"{feed}_{Authority.ExtractDate:yyyyMMdd}.csv");
            if (!File.Exists(original)) continue;
            var lines = File.ReadAllLines(original, Encoding.UTF8);
            var output = new List<string> { lines[0] };
            for (var i = 1; i < lines.Length; i++)
            {
                var line = lines[i];
                if (line.Length == 0 || (i + night) % leaveOutEvery == 0) continue;
                if (feed == "school" && (i + night) % moveEvery == 0) line = HouseNumber().Replace(line, m => ",\"" + (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 2) + " ", 1);
                output.Add(line);
                if (IdFirst.Contains(feed) && i % duplicateEvery == 0) output.Add($"N{night}{line}");
            }

            File.WriteAllLines(Path.Combine(folder, $"{feed}_{date:yyyyMMdd}.csv"), output, new UTF8Encoding(false));
        }
    }

    [GeneratedRegex(",\"(\\d+) ")]
    private static partial Regex HouseNumber();
}
