using System.Globalization;
using System.Text.RegularExpressions;

namespace SingleView.Ingest.Transport;

/// <summary>
/// The extract date of a delivered file: the first yyyyMMdd date in its name (partners name files
/// lcs_20261120.csv, EHM_export_20261120_0200.csv...), else the day it was last written (UTC).
/// </summary>
public static partial class DeliveryDates
{
    [GeneratedRegex(@"(?<!\d)(\d{8})")]
    private static partial Regex EightDigits();

    public static DateOnly Of(string fileName, DateTimeOffset lastWriteUtc) =>
        FromFileName(fileName) ?? DateOnly.FromDateTime(lastWriteUtc.UtcDateTime);

    public static DateOnly? FromFileName(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        foreach (Match match in EightDigits().Matches(fileName))
        {
            if (DateOnly.TryParseExact(match.Groups[1].Value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                && date.Year >= 1990)
            {
                return date;
            }
        }

        return null;
    }
}
